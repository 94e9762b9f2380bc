package io.github.wechatpaycomplaint.crypto;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The four {@code Wechatpay-*} headers that carry the signature of an answer or a
 * notification.
 *
 * @param timestamp {@code Wechatpay-Timestamp}
 * @param nonce {@code Wechatpay-Nonce}
 * @param signature {@code Wechatpay-Signature}
 * @param serial {@code Wechatpay-Serial}
 * @since 0.1.0
 */
public record SignedHeaders(@Nullable String timestamp, @Nullable String nonce, @Nullable String signature,
		@Nullable String serial) {

	public static final String TIMESTAMP = "Wechatpay-Timestamp";

	public static final String NONCE = "Wechatpay-Nonce";

	public static final String SIGNATURE = "Wechatpay-Signature";

	public static final String SERIAL = "Wechatpay-Serial";

	/**
	 * Reads the headers through any header accessor, e.g. {@code HttpHeaders::getFirst}.
	 * @param header returns the first value of a header, or {@code null}
	 * @return the headers
	 */
	public static SignedHeaders from(Function<String, @Nullable String> header) {
		return new SignedHeaders(header.apply(TIMESTAMP), header.apply(NONCE), header.apply(SIGNATURE),
				header.apply(SERIAL));
	}

	/**
	 * Whether the message carries any signature header at all.
	 * @return {@code true} if at least one of the four headers is present
	 */
	public boolean anyPresent() {
		return this.timestamp != null || this.nonce != null || this.signature != null || this.serial != null;
	}

}
