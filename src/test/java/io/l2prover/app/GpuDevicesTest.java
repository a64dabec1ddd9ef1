package io.l2prover.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.l2prover.app.cli.UserError;
import io.l2prover.zkvm.gpu.CudaBackend;
import io.l2prover.zkvm.gpu.CudaProbe;
import io.l2prover.zkvm.gpu.CudaStatus;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PROVER_GPU_DEVICES: parsed like the other settings, one backend per listed device (fake probes). */
class GpuDevicesTest {

  private static final CudaStatus A_GPU = new CudaStatus(true, "", "Test GPU", 9, 0, 13000);

  /** A host with {@code count} usable devices. */
  private static CudaProbe host(int count) {
    return new CudaProbe() {
      @Override
      public CudaStatus probe() {
        return probe(0);
      }

      @Override
      public CudaStatus probe(int device) {
        return device < count ? A_GPU.onDevice(device)
            : CudaStatus.unusable("no CUDA device " + device + " (this host has " + count + ")");
      }
    };
  }

  @Test
  void parsesAListOfDistinctDeviceNumbers() {
    assertThat(GpuDevices.parse("0,1").ordinals()).containsExactly(0, 1);
    assertThat(GpuDevices.parse(" 3 , 1 ").ordinals()).containsExactly(3, 1);
    assertThat(GpuDevices.parse("").listed()).isFalse();
    assertThat(GpuDevices.parse(null).listed()).isFalse();
  }

  @Test
  void aBadListIsOneClearLine() {
    assertThatThrownBy(() -> GpuDevices.parse("0,a")).isInstanceOf(UserError.class).hasMessage(
        "PROVER_GPU_DEVICES='0,a' is not a list of CUDA device numbers ('a' is not a device number): use e.g. 0,1,"
            + " or leave it empty for device 0");
    assertThatThrownBy(() -> GpuDevices.parse("0,,1")).isInstanceOf(UserError.class)
        .hasMessageContaining("('' is not a device number)");
    assertThatThrownBy(() -> GpuDevices.parse("1,1")).isInstanceOf(UserError.class)
        .hasMessageContaining("(device 1 is listed twice)");
    assertThatThrownBy(() -> GpuDevices.parse("-1")).isInstanceOf(UserError.class)
        .hasMessageContaining("(device numbers are 0..63)");
    assertThatThrownBy(() -> GpuDevices.parse("64")).isInstanceOf(UserError.class)
        .hasMessageContaining("(device numbers are 0..63)");
  }

  @Test
  void theConfigurationReadsIt() {
    ProverConfig config = ProverConfig.from(ConfigLoader.defaultsAndEnvironment(Map.of("PROVER_GPU_DEVICES", "1,0")),
        Map.of("XDG_DATA_HOME", "/unused"));
    assertThat(config.gpuDevices().ordinals()).containsExactly(1, 0);
    assertThat(ProverConfig.from(ConfigLoader.defaults(), Map.of("XDG_DATA_HOME", "/unused")).gpuDevices().listed())
        .isFalse();
    assertThatThrownBy(() -> ProverConfig.from(ConfigLoader.defaultsAndEnvironment(
        Map.of("PROVER_GPU_DEVICES", "x")), Map.of())).isInstanceOf(UserError.class)
        .hasMessageStartingWith("PROVER_GPU_DEVICES='x' is not a list of CUDA device numbers");
  }

  @Test
  void oneBackendPerListedDevice() {
    List<ComputeBackend> backends = new BackendSelector(host(2), CpuBackend::new)
        .select(GpuMode.ON, GpuDevices.parse("1,0"));
    assertThat(backends).hasSize(2).allMatch(b -> b instanceof CudaBackend);
    assertThat(backends).extracting(b -> ((CudaBackend) b).device().device()).containsExactly(1, 0);
    assertThat(new BackendSelector(host(2), CpuBackend::new).select(GpuMode.AUTO, GpuDevices.none()))
        .singleElement().isInstanceOf(CudaBackend.class);
  }

  @Test
  void aListedDeviceThatIsNotUsableStopsTheRole() {
    assertThatThrownBy(() -> new BackendSelector(host(1), CpuBackend::new).select(GpuMode.AUTO, GpuDevices.parse("0,1")))
        .isInstanceOf(UserError.class).hasMessage("PROVER_GPU_DEVICES=0,1: device 1 is not usable (no CUDA device 1"
            + " (this host has 1)); list only usable devices");
    assertThatThrownBy(() -> new BackendSelector(host(2), CpuBackend::new).select(GpuMode.OFF, GpuDevices.parse("0")))
        .isInstanceOf(UserError.class)
        .hasMessage("PROVER_GPU_DEVICES=0 lists GPUs but PROVER_GPU=off proves on the CPU: unset one of them");
  }

  @Test
  void withoutAnyUsableDeviceAutoIsTheCpuAndOnTheOneLineError() {
    assertThat(new BackendSelector(host(0), CpuBackend::new).select(GpuMode.AUTO, GpuDevices.parse("0,1")))
        .singleElement().isInstanceOf(CpuBackend.class);
    assertThatThrownBy(() -> new BackendSelector(host(0), CpuBackend::new).select(GpuMode.ON, GpuDevices.parse("0")))
        .isInstanceOf(UserError.class).hasMessageStartingWith("PROVER_GPU=on but no usable GPU: no CUDA device 0");
  }
}
