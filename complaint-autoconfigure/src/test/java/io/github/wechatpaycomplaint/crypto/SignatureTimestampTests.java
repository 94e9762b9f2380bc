package io.github.wechatpaycomplaint.crypto;

import io.github.wechatpaycomplaint.crypto.internal.RsaSigner;
import io.github.wechatpaycomplaint.crypto.internal.SignatureMessages;
import io.github.wechatpaycomplaint.crypto.internal.WechatPaySignatureValidator;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import io.github.wechatpaycomplaint.crypto.SignatureVerificationException.Reason;
import io.github.wechatpaycomplaint.simulator.keys.RsaKeyPairs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The timestamp check that answers to the client and notifications share: correctly
 * signed messages whose timestamp could overflow the window arithmetic, or is not plain
 * digits, are refused before any subtraction.
 */
class SignatureTimestampTests {

	private static final long NOW = 1_749_776_561L;

	private static final KeyPair PAIR = RsaKeyPairs.generate();

	private static final byte[] BODY = "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8);

	private final WechatPaySignatureValidator validator = new WechatPaySignatureValidator(
			(serial) -> Optional.of(PAIR.getPublic()), Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC),
			WechatPaySignatureValidator.DEFAULT_MAX_CLOCK_SKEW);

	@ParameterizedTest
	@ValueSource(longs = { Long.MAX_VALUE, Long.MAX_VALUE - NOW, 100_000_000_000L, 99_999_999_999L, NOW + 301,
			NOW - 301, 0 })
	void digitsOutsideTheWindowAreStale(long timestamp) {
		assertRefused(Long.toString(timestamp), Reason.TIMESTAMP_OUT_OF_WINDOW);
	}

	@ParameterizedTest
	@ValueSource(longs = { Long.MIN_VALUE, NOW + Long.MIN_VALUE, NOW - Long.MIN_VALUE, NOW - Long.MAX_VALUE, -1, -NOW })
	void negativeNumbersAreMalformed(long timestamp) {
		assertRefused(Long.toString(timestamp), Reason.MALFORMED_HEADER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "12345678901234567890", "99999999999999999999999", "000000001749776561" })
	void moreThanElevenDigitsAreStale(String timestamp) {
		assertRefused(timestamp, Reason.TIMESTAMP_OUT_OF_WINDOW);
	}

	@ParameterizedTest
	@ValueSource(strings = { "+1749776561", " 1749776561", "1749776561 ", "1749776561\t", "1749776561.0", "1e9",
			"١٧٤٩٧٧٦٥٦١" })
	void anythingButPlainDigitsIsMalformed(String timestamp) {
		assertRefused(timestamp, Reason.MALFORMED_HEADER);
	}

	@Test
	void theEdgesOfTheWindowAreAccepted() {
		assertThatNoException().isThrownBy(() -> this.validator.validate(signed(Long.toString(NOW - 300)), BODY));
		assertThatNoException().isThrownBy(() -> this.validator.validate(signed(Long.toString(NOW + 300)), BODY));
	}

	private void assertRefused(String timestamp, Reason reason) {
		assertThatExceptionOfType(SignatureVerificationException.class)
			.isThrownBy(() -> this.validator.validate(signed(timestamp), BODY))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(reason));
	}

	// Correctly signed over the timestamp exactly as sent: only the timestamp check can
	// refuse it.
	private static SignedHeaders signed(String timestamp) {
		String signature = new RsaSigner(PAIR.getPrivate()).sign(SignatureMessages.answer(timestamp, "nonce", BODY));
		return new SignedHeaders(timestamp, "nonce", signature, "PUB_KEY_ID_0119000000012025112300000000000001");
	}

}
