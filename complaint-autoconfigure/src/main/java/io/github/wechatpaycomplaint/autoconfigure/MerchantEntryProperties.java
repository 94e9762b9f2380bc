package io.github.wechatpaycomplaint.autoconfigure;

import jakarta.validation.Valid;

import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * One entry under {@code wechatpay.complaint.merchants.<name>}: the single-merchant keys
 * without the {@code wechatpay.complaint.} prefix. Its identity keys (merchant, WeChat
 * Pay public key, whether certificate mode is on) are its own; every other key starts
 * from the global value.
 *
 * @since 0.1.0
 */
public class MerchantEntryProperties implements Validator {

	@Valid
	private final ComplaintProperties.Merchant merchant = new ComplaintProperties.Merchant();

	@Valid
	private final ComplaintProperties.WechatpayPublicKey wechatpayPublicKey = new ComplaintProperties.WechatpayPublicKey();

	@Valid
	private final ComplaintProperties.PlatformCertificates platformCertificates = new ComplaintProperties.PlatformCertificates();

	@Valid
	private final ComplaintClientProperties client = new ComplaintClientProperties();

	@Valid
	private final NotificationRegistrationProperties notification = new NotificationRegistrationProperties();

	@Valid
	private final ComplaintReconciliationProperties reconciliation = new ComplaintReconciliationProperties();

	public ComplaintProperties.Merchant getMerchant() {
		return this.merchant;
	}

	public ComplaintProperties.WechatpayPublicKey getWechatpayPublicKey() {
		return this.wechatpayPublicKey;
	}

	public ComplaintProperties.PlatformCertificates getPlatformCertificates() {
		return this.platformCertificates;
	}

	public ComplaintClientProperties getClient() {
		return this.client;
	}

	public NotificationRegistrationProperties getNotification() {
		return this.notification;
	}

	public ComplaintReconciliationProperties getReconciliation() {
		return this.reconciliation;
	}

	@Override
	public boolean supports(Class<?> type) {
		return MerchantEntryProperties.class.isAssignableFrom(type);
	}

	/** An entry is a merchant: its required keys must be set. */
	@Override
	public void validate(Object target, Errors errors) {
		((MerchantEntryProperties) target).getMerchant().rejectMissing(errors, "merchant.");
	}

}
