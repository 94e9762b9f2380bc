package io.github.wechatpaycomplaint.api;

import java.time.OffsetDateTime;

import io.github.wechatpaycomplaint.crypto.DecryptionException;
import io.github.wechatpaycomplaint.model.Complaint;
import io.github.wechatpaycomplaint.model.PayerPhone;
import io.github.wechatpaycomplaint.testsupport.Vectors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code payer_phone} made by the official SDK decrypts with the merchant key of the
 * vectors; a failure shows no data.
 */
class PayerPhoneDecryptorTests {

	private final PayerPhoneDecryptor decryptor = new PayerPhoneDecryptor(Vectors.merchant());

	@Test
	void decryptsThePhoneTheOfficialSdkEncrypted() {
		Complaint complaint = this.decryptor
			.decrypt(complaint(PayerPhone.encrypted(Vectors.root().get("payer_phone").get("ciphertext").asString())));
		assertThat(complaint.payerPhone().reveal())
			.isEqualTo(Vectors.root().get("payer_phone").get("plaintext").asString());
		assertThat(complaint.toString()).contains("138****8000").doesNotContain("13800138000");
	}

	@Test
	void leavesAComplaintWithoutPhoneAlone() {
		Complaint complaint = complaint(null);
		assertThat(this.decryptor.decrypt(complaint)).isSameAs(complaint);
	}

	@Test
	void failsClearlyWithoutDataOnGarbage() {
		assertThatExceptionOfType(DecryptionException.class)
			.isThrownBy(() -> this.decryptor.decrypt(complaint(PayerPhone.encrypted("bm90LWEtY2lwaGVydGV4dA=="))))
			.withMessageContaining("payer_phone of complaint 200000020250613090012345678")
			.withMessageContaining(Vectors.key("mchid"))
			.withMessageNotContaining("bm90LWEtY2lwaGVydGV4dA==");
	}

	private static Complaint complaint(PayerPhone phone) {
		return new Complaint("200000020250613090012345678", OffsetDateTime.parse("2025-06-13T09:02:41+08:00"), "d",
				"PENDING", "1900012181", phone, null, null, null, null, false, false, null, 1, null, null, null, null,
				null, null, null, null, null, null);
	}

}
