package io.github.wechatpaycomplaint.event;

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
 * @since 0.1.0
 */
public abstract class ComplaintEvent extends ApplicationEvent {

	/**
	 * Creates an event.
	 * @param source the object that published it
	 */
	protected ComplaintEvent(Object source) {
		super(source);
	}

	/**
	 * The complaint the event is about; fetch its detail with the complaint client.
	 * @return the complaint id
	 */
	public abstract String getComplaintId();

}
