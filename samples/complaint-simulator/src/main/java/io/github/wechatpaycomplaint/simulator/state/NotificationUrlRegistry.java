package io.github.wechatpaycomplaint.simulator.state;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The merchant's notification URL, one per merchant as in WeChat Pay.
 *
 * @since 0.1.0
 */
public final class NotificationUrlRegistry {

	private final AtomicReference<String> url = new AtomicReference<>();

	public Optional<String> url() {
		return Optional.ofNullable(this.url.get());
	}

	/**
	 * Sets the URL.
	 * @param url the URL, or {@code null} to delete it
	 */
	public void set(String url) {
		this.url.set(url);
	}

}
