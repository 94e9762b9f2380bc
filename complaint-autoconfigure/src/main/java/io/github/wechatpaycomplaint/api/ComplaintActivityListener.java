package io.github.wechatpaycomplaint.api;

import io.github.wechatpaycomplaint.model.Complaint;

/**
 * Told by {@link WechatPayComplaintClient} about what it learned or did, after the call
 * succeeded: a complaint's detail read, a reply sent, a complaint completed. The
 * complaint deadlines use it to stop a complaint's clocks when the application replies
 * through the client. Called on the caller's thread; an implementation must be quick and
 * must not throw (what it throws is logged and swallowed by the client).
 *
 * @since 0.1.0
 */
public interface ComplaintActivityListener {

	/** A listener that does nothing. */
	ComplaintActivityListener NONE = new ComplaintActivityListener() {

		@Override
		public String toString() {
			return "ComplaintActivityListener.NONE";
		}

	};

	/**
	 * A complaint's detail was read.
	 * @param complaint the complaint
	 */
	default void complaintRead(Complaint complaint) {
	}

	/**
	 * The merchant replied to a complaint (a reply or an immediate-service reply).
	 * @param complaintId the complaint id
	 */
	default void replied(String complaintId) {
	}

	/**
	 * The merchant reported a complaint as handled.
	 * @param complaintId the complaint id
	 */
	default void completed(String complaintId) {
	}

}
