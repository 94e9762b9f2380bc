package io.github.wechatpaycomplaint.notification.inbox;

/**
 * The inbox contract for the inbox in memory.
 */
class MemoryNotificationInboxTests extends NotificationInboxContractTests {

	@Override
	protected NotificationInbox inbox() {
		return new MemoryNotificationInbox(this.clock);
	}

}
