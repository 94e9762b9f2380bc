package io.github.wechatpaycomplaint.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The payer phone never shows its number in {@code toString()}.
 */
class PayerPhoneTests {

	@Test
	void masksAllButTheFirstThreeAndLastFourCharacters() {
		PayerPhone phone = PayerPhone.decrypted("Y2lwaGVy", "13800138000");
		assertThat(phone).hasToString("138****8000");
		assertThat(phone.reveal()).isEqualTo("13800138000");
		assertThat(PayerPhone.decrypted("Y2lwaGVy", "+85291234567")).hasToString("+85*****4567");
	}

	@Test
	void hidesShortNumbersCompletely() {
		assertThat(PayerPhone.decrypted("Y2lwaGVy", "1234567")).hasToString("******");
	}

	@Test
	void showsNothingWhileEncryptedAndRefusesToReveal() {
		PayerPhone phone = PayerPhone.encrypted("Y2lwaGVy");
		assertThat(phone).hasToString("******");
		assertThat(phone.isDecrypted()).isFalse();
		assertThatIllegalStateException().isThrownBy(phone::reveal).withMessageNotContaining("Y2lwaGVy");
	}

}
