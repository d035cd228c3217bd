package io.github.srhls.core.toolchain.amd.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HlsVersionTest {

  @Test
  void readsTheBannersTheToolsPrint() {
    assertEquals(Optional.of(new HlsVersion(2023, 2, 2)), HlsVersion.fromBanner(
        "****** Vitis HLS - High-Level Synthesis from C, C++ and OpenCL v2023.2.2 (64-bit)"));
    assertEquals(Optional.of(new HlsVersion(2019, 2, 0)), HlsVersion.fromBanner(
        "****** Vivado(TM) HLS - High-Level Synthesis from C, C++ and SystemC v2019.2 (64-bit)"));
    assertEquals(Optional.of(new HlsVersion(2024, 2, 0)), HlsVersion.fromBanner("****** v++ v2024.2 (64-bit)"));
    assertEquals(Optional.empty(), HlsVersion.fromBanner("  **** SW Build 4101106 on Feb  9 2024"));
    assertEquals(Optional.empty(), HlsVersion.fromBanner("INFO: [HLS 200-10] version 12023.1x"));
  }

  @Test
  void parsesDeclaredVersionsWithOrWithoutV() {
    assertEquals(Optional.of(new HlsVersion(2023, 1, 0)), HlsVersion.parse("2023.1"));
    assertEquals(Optional.of(new HlsVersion(2023, 1, 0)), HlsVersion.parse(" v2023.1 "));
    assertEquals(Optional.empty(), HlsVersion.parse("latest"));
    assertEquals(Optional.empty(), HlsVersion.parse("2023.1 beta"));
    assertEquals(Optional.empty(), HlsVersion.parse(null));
  }

  @Test
  void comparesByReleaseThenUpdate() {
    HlsVersion v20201 = new HlsVersion(2020, 1, 0);
    HlsVersion v20202 = new HlsVersion(2020, 2, 0);
    HlsVersion v20241u3 = new HlsVersion(2024, 1, 3);
    assertTrue(v20201.compareTo(v20202) < 0);
    assertTrue(v20201.atMost(2020, 1));
    assertFalse(v20202.atMost(2020, 1));
    assertTrue(v20241u3.atMost(2024, 1), "an update stays in its release");
    assertTrue(v20241u3.atLeast(2023, 2));
    assertFalse(v20241u3.atLeast(2024, 2));
    assertEquals("2024.1.3", v20241u3.toString());
    assertEquals("2020.2", v20202.toString());
  }
}
