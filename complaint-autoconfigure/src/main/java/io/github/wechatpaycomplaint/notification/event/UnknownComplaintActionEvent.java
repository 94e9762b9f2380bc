package io.github.wechatpaycomplaint.notification.event;

/**
 * Published for an {@code action_type} this version does not know yet;
 * {@link #getRawActionType()} names it. Listen to it (or monitor it) so that actions
 * WeChat Pay adds later are not lost.
 *
 * @since 0.1.0
 */
public final class UnknownComplaintActionEvent extends ComplaintNotificationEvent {

	public UnknownComplaintActionEvent(ComplaintNotification notification) {
		super(notification);
	}

}
