package io.github.wechatpaycomplaint.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.wechatpaycomplaint.notification.event.ComplaintNotificationEvent;

import org.springframework.context.event.EventListener;

/**
 * Records every complaint event it receives, and fails on demand.
 */
public class RecordingListener {

	private final List<ComplaintNotificationEvent> events = new CopyOnWriteArrayList<>();

	private final AtomicInteger failuresLeft = new AtomicInteger();

	private final AtomicInteger calls = new AtomicInteger();

	private volatile long delayMillis;

	@EventListener
	public void on(ComplaintNotificationEvent event) throws InterruptedException {
		this.calls.incrementAndGet();
		if (this.delayMillis > 0) {
			Thread.sleep(this.delayMillis);
		}
		if (this.failuresLeft.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
			throw new IllegalStateException("Listener failure for " + event.getNotificationId());
		}
		this.events.add(event);
	}

	/** Events handled successfully. */
	public List<ComplaintNotificationEvent> events() {
		return this.events;
	}

	/** Calls, failed ones included. */
	public int calls() {
		return this.calls.get();
	}

	public void failNext(int times) {
		this.failuresLeft.set(times);
	}

	public void delay(long millis) {
		this.delayMillis = millis;
	}

}
