"""Reference Ethereum primitives in plain Python 3 (no packages), used only by the host tests
of the block guest to build guest input streams: Keccak-256, RLP, secp256k1 recovery, and a
Merkle Patricia Trie that records every node it hashes."""

# ---- Keccak-256 ----
_RC = [0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
       0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
       0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
       0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
       0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
       0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008]
_ROT = [[0, 36, 3, 41, 18], [1, 44, 10, 45, 2], [62, 6, 43, 15, 61], [28, 55, 25, 21, 56],
        [27, 20, 39, 8, 14]]
_M = (1 << 64) - 1


def _rol(x, n):
    return ((x << n) | (x >> (64 - n))) & _M if n else x


def _keccak_f(a):
    for rc in _RC:
        c = [a[x][0] ^ a[x][1] ^ a[x][2] ^ a[x][3] ^ a[x][4] for x in range(5)]
        d = [c[(x - 1) % 5] ^ _rol(c[(x + 1) % 5], 1) for x in range(5)]
        a = [[a[x][y] ^ d[x] for y in range(5)] for x in range(5)]
        b = [[0] * 5 for _ in range(5)]
        for x in range(5):
            for y in range(5):
                b[y][(2 * x + 3 * y) % 5] = _rol(a[x][y], _ROT[x][y])
        a = [[b[x][y] ^ (~b[(x + 1) % 5][y] & b[(x + 2) % 5][y]) for y in range(5)] for x in range(5)]
        a[0][0] ^= rc
    return a


def keccak256(data):
    rate = 136
    msg = bytearray(data) + b"\x01" + b"\x00" * ((-len(data) - 1) % rate)
    msg[-1] |= 0x80
    a = [[0] * 5 for _ in range(5)]
    for off in range(0, len(msg), rate):
        block = msg[off:off + rate]
        for i in range(rate // 8):
            a[i % 5][i // 5] ^= int.from_bytes(block[8 * i:8 * i + 8], "little")
        a = _keccak_f(a)
    return b"".join(a[i % 5][i // 5].to_bytes(8, "little") for i in range(4))


# ---- RLP ----
def rlp_encode(item):
    if isinstance(item, (bytes, bytearray)):
        if len(item) == 1 and item[0] < 0x80:
            return bytes(item)
        return _rlp_header(len(item), 0x80) + bytes(item)
    payload = b"".join(rlp_encode(x) for x in item)
    return _rlp_header(len(payload), 0xC0) + payload


def _rlp_header(n, base):
    if n <= 55:
        return bytes([base + n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([base + 55 + len(b)]) + b


def rlp_decode(data):
    item, end = _rlp_item(data, 0)
    assert end == len(data)
    return item


def _rlp_item(d, i):
    p = d[i]
    if p < 0x80:
        return d[i:i + 1], i + 1
    if p < 0xB8:
        return d[i + 1:i + 1 + p - 0x80], i + 1 + p - 0x80
    if p < 0xC0:
        ll = p - 0xB7
        n = int.from_bytes(d[i + 1:i + 1 + ll], "big")
        return d[i + 1 + ll:i + 1 + ll + n], i + 1 + ll + n
    if p < 0xF8:
        s, e = i + 1, i + 1 + p - 0xC0
    else:
        ll = p - 0xF7
        n = int.from_bytes(d[i + 1:i + 1 + ll], "big")
        s, e = i + 1 + ll, i + 1 + ll + n
    out = []
    while s < e:
        x, s = _rlp_item(d, s)
        out.append(x)
    return out, e


def rlp_items_raw(d):
    """Splits a concatenation of RLP items into their raw encodings."""
    out, i = [], 0
    while i < len(d):
        _, e = _rlp_item(d, i)
        out.append(d[i:e])
        i = e
    return out


def be(n):
    return n.to_bytes((n.bit_length() + 7) // 8, "big") if n else b""


def to_int(b):
    return int.from_bytes(b, "big")


# ---- secp256k1 ----
P = 2**256 - 2**32 - 977
N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
GX = 0x79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798
GY = 0x483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8


def _add(a, b):
    if a is None:
        return b
    if b is None:
        return a
    if a[0] == b[0]:
        if (a[1] + b[1]) % P == 0:
            return None
        lam = 3 * a[0] * a[0] * pow(2 * a[1], -1, P) % P
    else:
        lam = (b[1] - a[1]) * pow(b[0] - a[0], -1, P) % P
    x = (lam * lam - a[0] - b[0]) % P
    return (x, (lam * (a[0] - x) - a[1]) % P)


def ec_mul(k, pt):
    acc = None
    while k:
        if k & 1:
            acc = _add(acc, pt)
        pt = _add(pt, pt)
        k >>= 1
    return acc


def ecrecover(h, r, s, recid):
    y = pow((r**3 + 7) % P, (P + 1) // 4, P)
    assert y * y % P == (r**3 + 7) % P
    if y & 1 != recid:
        y = P - y
    rinv = pow(r, -1, N)
    q = _add(ec_mul((-h * rinv) % N, (GX, GY)), ec_mul(s * rinv % N, (r, y)))
    return q[0].to_bytes(32, "big") + q[1].to_bytes(32, "big")


def sign(h, priv, k):
    """Deterministic-enough signing for test vectors (k is given by the caller)."""
    R = ec_mul(k, (GX, GY))
    r = R[0] % N
    s = pow(k, -1, N) * (h + r * priv) % N
    recid = R[1] & 1
    if s > N // 2:
        s = N - s
        recid ^= 1
    return r, s, recid


def address_of(pub64):
    return keccak256(pub64)[12:]


# ---- Merkle Patricia Trie ----
def _nibbles(key):
    out = []
    for b in key:
        out += [b >> 4, b & 15]
    return out


def _hp(nibs, leaf):
    flag = 2 if leaf else 0
    if len(nibs) % 2:
        return bytes([(flag + 1) << 4 | nibs[0]]) + bytes(nibs[i] << 4 | nibs[i + 1] for i in range(1, len(nibs), 2))
    return bytes([flag << 4]) + bytes(nibs[i] << 4 | nibs[i + 1] for i in range(0, len(nibs), 2))


def trie_root(items, nodes=None):
    """Root hash of the trie holding items {key bytes: value bytes}; every node whose
    encoding is hashed (32 bytes or more, and the root) is added to nodes if given."""
    pairs = sorted((_nibbles(k), v) for k, v in items.items())
    if not pairs:
        enc = rlp_encode(b"")
        if nodes is not None:
            nodes.append(enc)
        return keccak256(enc)
    enc = _encode(pairs, 0)
    if nodes is not None:
        nodes.append(enc)
    return keccak256(enc)


def _ref(enc, nodes):
    if len(enc) < 32:
        return rlp_decode(enc)
    if nodes is not None:
        nodes.append(enc)
    return keccak256(enc)


def _encode(pairs, depth, nodes=None):
    return _encode_n(pairs, depth, _NODES[-1] if _NODES else None)


_NODES = []


def _encode_n(pairs, depth, nodes):
    if len(pairs) == 1:
        k, v = pairs[0]
        return rlp_encode([_hp(k[depth:], True), v])
    common = depth
    while all(len(k) > common for k, _ in pairs) and len({k[common] for k, _ in pairs}) == 1:
        common += 1
    if common > depth:
        child = _encode_n(pairs, common, nodes)
        return rlp_encode([_hp(pairs[0][0][depth:common], False), _ref(child, nodes)])
    branch = [b""] * 17
    for nib in range(16):
        sub = [(k, v) for k, v in pairs if len(k) > depth and k[depth] == nib]
        if sub:
            branch[nib] = _ref(_encode_n(sub, depth + 1, nodes), nodes)
    for k, v in pairs:
        if len(k) == depth:
            branch[16] = v
    return rlp_encode(branch)


def trie_root_with_nodes(items):
    """(root, list of node encodings) for the trie of items."""
    nodes = []
    _NODES.append(nodes)
    try:
        root = trie_root(items, nodes)
    finally:
        _NODES.pop()
    return root, nodes
