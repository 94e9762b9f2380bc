package io.github.wechatpaycomplaint.crypto.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Header values on their way into a log line.
 */
class UntrustedTextTests {

	@Test
	void keepsPrintableAscii() {
		assertThat(UntrustedText.forLog("PUB_KEY_ID_0119000000012025112300000000000001"))
			.isEqualTo("PUB_KEY_ID_0119000000012025112300000000000001");
	}

	@Test
	void replacesControlCharactersAndEverythingOutsideAscii() {
		assertThat(UntrustedText.forLog("a\r\nb\tc\u001b[31md\u0000e\u007ff证书\u2028g"))
			.isEqualTo("a??b?c?[31md?e?f???g");
	}

	@Test
	void cutsLongValues() {
		assertThat(UntrustedText.forLog("x".repeat(64))).isEqualTo("x".repeat(64));
		assertThat(UntrustedText.forLog("x".repeat(10_000))).isEqualTo("x".repeat(64) + "…");
	}

	@Test
	void namesAMissingValue() {
		assertThat(UntrustedText.forLog(null)).isEqualTo("(none)");
	}

}
