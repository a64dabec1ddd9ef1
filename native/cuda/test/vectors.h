// Reads the kernel test vectors that the Java test KernelVectorFilesTest writes from the CPU
// backend: a file is a sequence of records "name count v1 .. v_count" (whitespace-separated,
// unsigned decimal values).
#pragma once
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

class VectorFile {
 public:
  explicit VectorFile(const std::string& path) : path_(path), in_(path) {
    if (!in_) throw std::runtime_error("cannot open " + path + ": run `make test-kernels` (it writes the vectors first)");
  }

  bool at_end() {
    in_ >> std::ws;
    return in_.peek() == EOF;
  }

  // The next record, which must be called `name`.
  std::vector<uint32_t> next(const std::string& name) {
    std::string got;
    size_t count = 0;
    if (!(in_ >> got >> count)) throw std::runtime_error(path_ + ": expected record '" + name + "', found end of file");
    if (got != name) throw std::runtime_error(path_ + ": expected record '" + name + "', found '" + got + "'");
    std::vector<uint32_t> values(count);
    for (size_t i = 0; i < count; i++) {
      unsigned long v;
      if (!(in_ >> v)) throw std::runtime_error(path_ + ": record '" + name + "' is truncated");
      values[i] = (uint32_t)v;
    }
    return values;
  }

  uint32_t scalar(const std::string& name) {
    auto v = next(name);
    if (v.size() != 1) throw std::runtime_error(path_ + ": record '" + name + "' should hold one value");
    return v[0];
  }

  // The name of the next record, without consuming it.
  std::string peek_name() {
    std::streampos pos = in_.tellg();
    std::string name;
    in_ >> name;
    in_.seekg(pos);
    return name;
  }

 private:
  std::string path_;
  std::ifstream in_;
};
