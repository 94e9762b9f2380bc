package io.github.wechatpaycomplaint.notification;

import org.jspecify.annotations.Nullable;

/**
 * The answer to one delivery, whatever the web stack: 204 without a body, or an error
 * status with the JSON {@code {"code","message"}} body.
 *
 * @param status the HTTP status
 * @param jsonBody the JSON body, or {@code null} for none
 * @param allowPostHeader whether the answer carries {@code Allow: POST} (a 405)
 * @since 0.1.0
 */
public record NotificationAnswer(int status, byte @Nullable [] jsonBody, boolean allowPostHeader) {

	private static final NotificationAnswer ACCEPTED = new NotificationAnswer(204, null, false);

	/**
	 * The answer to a notification handled now or before.
	 * @return 204 without a body
	 */
	public static NotificationAnswer accepted() {
		return ACCEPTED;
	}

}
