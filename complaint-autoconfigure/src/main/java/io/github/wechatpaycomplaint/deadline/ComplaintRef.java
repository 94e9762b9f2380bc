package io.github.wechatpaycomplaint.deadline;

import java.util.Objects;

/**
 * Which complaint of which merchant.
 *
 * @param merchantName the entry name of the merchant, {@code default} for the merchant of
 * {@code wechatpay.complaint.merchant.*}
 * @param merchantId the merchant id ({@code mchid})
 * @param complaintId the complaint id
 * @since 0.1.0
 */
public record ComplaintRef(String merchantName, String merchantId, String complaintId) {

	public ComplaintRef {
		Objects.requireNonNull(merchantName, "merchantName");
		Objects.requireNonNull(merchantId, "merchantId");
		Objects.requireNonNull(complaintId, "complaintId");
	}

}
