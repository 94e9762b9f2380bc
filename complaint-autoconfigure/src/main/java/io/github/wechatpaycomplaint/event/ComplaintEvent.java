package io.github.wechatpaycomplaint.event;

import java.util.Objects;

import org.springframework.context.ApplicationEvent;

/**
 * Something happened to a complaint: the parent of every event the starter publishes.
 * Listen to this type to handle both what a notification reports
 * ({@code ComplaintNotificationEvent} and its subclasses, one per action) and what
 * reconciliation found although its notification was lost
 * ({@code ComplaintReconciledEvent}); listen to either of those to handle only that one.
 *
 * <p>
 * Its two subclasses are the whole hierarchy ({@code ComplaintNotificationEvent} is
 * {@code sealed}, {@code ComplaintReconciledEvent} {@code final}), so a {@code switch}
 * over them is complete. The class itself cannot be {@code sealed}: outside a named
 * module the permitted subclasses of a sealed class must share its package (JLS 8.1.6),
 * and the two live in the packages of their features, which must not depend on each
 * other.
 *
 * <p>
 * Every event names the merchant it is for, so that a listener can take one merchant's
 * only: {@code @EventListener(condition = "event.merchantName == 'hk'")}.
 *
 * @since 0.1.0
 */
public abstract class ComplaintEvent extends ApplicationEvent {

	private final String merchantName;

	private final String merchantId;

	/**
	 * Creates an event.
	 * @param source the object that published it
	 * @param merchantName the entry name of the merchant, such as {@code default}
	 * @param merchantId the merchant id ({@code mchid})
	 */
	protected ComplaintEvent(Object source, String merchantName, String merchantId) {
		super(source);
		this.merchantName = Objects.requireNonNull(merchantName, "merchantName");
		this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
	}

	/**
	 * The entry name of the merchant the event is for: {@code default} for the merchant
	 * of {@code wechatpay.complaint.merchant.*}, else the name under
	 * {@code wechatpay.complaint.merchants}.
	 * @return the name
	 */
	public String getMerchantName() {
		return this.merchantName;
	}

	/**
	 * The merchant id ({@code mchid}) of the merchant the event is for; a service
	 * provider's sub-merchant is in the complaint itself.
	 * @return the merchant id
	 */
	public String getMerchantId() {
		return this.merchantId;
	}

	/**
	 * The complaint the event is about; fetch its detail with the complaint client.
	 * @return the complaint id
	 */
	public abstract String getComplaintId();

}
