package io.github.wechatpaycomplaint.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The key a notification is de-duplicated under: its merchant and its id, since
 * notification ids are WeChat Pay's per merchant, and the same id for two merchants is
 * two notifications. Stores receive it as the {@code notificationId} of
 * {@link NotificationDeduplicationStore#claim}, so the store SPI stays as it is.
 *
 * <p>
 * Keys are at most {@value #MAX_LENGTH} characters, the width of the JDBC store's key
 * column. The usual key is readable, {@code <merchant id>/<notification id>}
 * ({@code 1900000109/0b8ac5d2-…}, 47 characters); when the merchant id holds other
 * characters than letters, digits, {@code _} and {@code -}, or the key would be longer,
 * it is {@code sha256:} and 40 hex digits of a digest of both. The two forms, and the
 * reconciliation keys ({@code reconciled:…}, {@code reconciliation-lock:…}) sharing the
 * store, never collide: each is told apart by its first character that is not a letter,
 * digit, {@code _} or {@code -}.
 *
 * @since 0.1.0
 */
public final class NotificationDeduplicationKey {

	/** The longest key: the width of the JDBC store's {@code notification_id} column. */
	public static final int MAX_LENGTH = 64;

	private static final Pattern PLAIN_MERCHANT_ID = Pattern.compile("[A-Za-z0-9_-]+");

	private static final String DIGEST_PREFIX = "sha256:";

	private NotificationDeduplicationKey() {
	}

	/**
	 * The key of a notification.
	 * @param merchantId the merchant the notification is for
	 * @param notificationId the notification id
	 * @return the key, at most {@value #MAX_LENGTH} characters
	 */
	public static String of(String merchantId, String notificationId) {
		String plain = merchantId + "/" + notificationId;
		if (plain.length() <= MAX_LENGTH && PLAIN_MERCHANT_ID.matcher(merchantId).matches()) {
			return plain;
		}
		// The merchant id's length goes first, so that no two pairs give the same input.
		String input = merchantId.length() + ":" + plain;
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
			return DIGEST_PREFIX + HexFormat.of().formatHex(digest, 0, 20);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
