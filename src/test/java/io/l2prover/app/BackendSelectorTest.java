package io.l2prover.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.l2prover.app.cli.UserError;
import io.l2prover.zkvm.gpu.CudaBackend;
import io.l2prover.zkvm.gpu.CudaProbe;
import io.l2prover.zkvm.gpu.CudaStatus;
import io.l2prover.zkvm.stark.backend.ComputeBackend;
import io.l2prover.zkvm.stark.backend.CpuBackend;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class BackendSelectorTest {

  private static final CudaStatus NO_LIBCUDA = CudaStatus.unusable("no CUDA driver library (libcuda.so.1): not found");
  private static final CudaStatus A_GPU = new CudaStatus(true, "", "Test GPU", 9, 0, 13000);

  private final CpuBackend cpu = new CpuBackend();
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger selectorLogger = (Logger) LoggerFactory.getLogger(BackendSelector.class);

  @BeforeEach
  void captureLog() {
    log.start();
    selectorLogger.addAppender(log);
    selectorLogger.setLevel(ch.qos.logback.classic.Level.INFO);
    selectorLogger.setAdditive(false); // captured here, not printed
  }

  @AfterEach
  void releaseLog() {
    selectorLogger.detachAppender(log);
    selectorLogger.setLevel(null);
    selectorLogger.setAdditive(true);
  }

  @Test
  void autoFallsBackToTheCpuWithOneLogLine() {
    ComputeBackend chosen = new BackendSelector(() -> NO_LIBCUDA, () -> cpu).select(GpuMode.AUTO);
    assertThat(chosen).isSameAs(cpu);
    assertThat(log.list).hasSize(1);
    assertThat(log.list.get(0).getFormattedMessage())
        .isEqualTo("Proving on the CPU: no usable GPU (no CUDA driver library (libcuda.so.1) on this host)");
  }

  @Test
  void onWithoutAGpuIsAClearError() {
    BackendSelector selector = new BackendSelector(() -> NO_LIBCUDA, () -> cpu);
    assertThatThrownBy(() -> selector.select(GpuMode.ON))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith("PROVER_GPU=on but no usable GPU: no CUDA driver library")
        .hasMessageContaining("PROVER_GPU=auto");
  }

  @Test
  void offNeverProbes() {
    AtomicInteger probes = new AtomicInteger();
    ComputeBackend chosen = new BackendSelector(() -> {
      probes.incrementAndGet();
      return A_GPU;
    }, () -> cpu).select(GpuMode.OFF);
    assertThat(chosen).isSameAs(cpu);
    assertThat(probes).hasValue(0);
  }

  @Test
  void aUsableGpuGivesTheCudaBackendWithoutTouchingTheDeviceYet() {
    for (GpuMode mode : new GpuMode[] {GpuMode.AUTO, GpuMode.ON}) {
      ComputeBackend chosen = new BackendSelector(() -> A_GPU, () -> cpu).select(mode);
      assertThat(chosen).isInstanceOf(CudaBackend.class);
      assertThat(chosen.name()).isEqualTo("cuda");
      assertThat(((CudaBackend) chosen).heldDeviceBytes()).isZero();
    }
    assertThat(log.list.get(0).getFormattedMessage())
        .isEqualTo("Proving on the GPU: Test GPU (compute 9.0, driver CUDA 13.0)");
  }

  @Test
  void theRealProbeNeverThrows() {
    CudaStatus status = CudaProbe.jcuda().probe();
    if (!status.usable()) {
      assertThat(status.reason()).isNotBlank();
    } else {
      assertThat(status.deviceName()).isNotBlank();
      assertThat(status.driverCudaVersion()).isGreaterThanOrEqualTo(CudaStatus.MIN_DRIVER_CUDA_VERSION);
    }
  }
}
