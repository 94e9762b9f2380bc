package io.github.wechatpaycomplaint.api;

import io.github.wechatpaycomplaint.crypto.DecryptionException;
import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
import io.github.wechatpaycomplaint.model.Complaint;
import io.github.wechatpaycomplaint.model.PayerPhone;

/**
 * Decrypts the {@code payer_phone} of complaints with the merchant private key
 * (RSA-OAEP). Never logs the number; a failure names the complaint only.
 */
final class PayerPhoneDecryptor {

	private final WechatPayMerchant merchant;

	PayerPhoneDecryptor(WechatPayMerchant merchant) {
		this.merchant = merchant;
	}

	Complaint decrypt(Complaint complaint) {
		PayerPhone phone = complaint.payerPhone();
		if (phone == null || phone.isDecrypted()) {
			return complaint;
		}
		String plaintext;
		try {
			plaintext = this.merchant.decryptSensitiveField(phone.ciphertext());
		}
		catch (DecryptionException ex) {
			throw new DecryptionException("payer_phone of complaint " + complaint.complaintId()
					+ " cannot be decrypted with the private key of merchant " + this.merchant.getMerchantId()
					+ " (certificate serial " + this.merchant.getCertificateSerialNumber()
					+ "): WeChat Pay encrypts it for the merchant API certificate", ex);
		}
		return complaint.withPayerPhone(PayerPhone.decrypted(phone.ciphertext(), plaintext));
	}

}
