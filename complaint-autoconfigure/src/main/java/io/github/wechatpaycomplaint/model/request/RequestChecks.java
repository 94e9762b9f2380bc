package io.github.wechatpaycomplaint.model.request;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.github.wechatpaycomplaint.OpenEnum;
import org.jspecify.annotations.Nullable;

/**
 * The checks the request records and the client share; each failure names the field and
 * the rule.
 *
 * @since 0.1.0
 */
public final class RequestChecks {

	/**
	 * Longest id WeChat Pay accepts for {@code complaint_id} and
	 * {@code complainted_mchid}.
	 */
	public static final int MAX_ID_LENGTH = 64;

	/**
	 * Longest {@code media_id} WeChat Pay hands out: the image upload answers it as
	 * {@code string(512)}, and a {@code media_url} (which holds one) is
	 * {@code string(512)} too.
	 */
	public static final int MAX_MEDIA_ID_LENGTH = 512;

	// WeChat Pay's complaint ids are digits (e.g. 200201820200101080076610000); letters,
	// '_' and '-' are let through
	// for other id shapes. No '.', so never a dot segment, and nothing that needs
	// encoding in a path.
	private static final Pattern COMPLAINT_ID = Pattern.compile("[A-Za-z0-9_-]+");

	// Media ids are Base64-like (standard or URL-safe alphabet, '=' padding), e.g.
	// file752398_7983424, and arrive
	// percent-encoded inside a media_url (…GAAgAQ%3D%3D).
	private static final Pattern MEDIA_ID = Pattern.compile("[A-Za-z0-9+/=_.%-]+");

	private RequestChecks() {
	}

	/**
	 * Checks a complaint id used in a path: 1 to 64 letters, digits, {@code _} or
	 * {@code -}.
	 * @param complaintId the id
	 * @return the id
	 */
	public static String complaintId(@Nullable String complaintId) {
		String id = text(complaintId, "complaint_id", 1, MAX_ID_LENGTH);
		if (!COMPLAINT_ID.matcher(id).matches()) {
			throw new InvalidComplaintRequestException("complaint_id",
					"must hold only letters, digits, '_' and '-' (WeChat Pay's complaint ids are digits)");
		}
		return id;
	}

	/**
	 * Checks a media id: 1 to {@value #MAX_MEDIA_ID_LENGTH} characters of the Base64
	 * alphabets, {@code _}, {@code .}, {@code -} or {@code %}, and not a dot segment
	 * ({@code .} or {@code ..}).
	 * @param mediaId the id
	 * @param field the field
	 * @return the id
	 */
	public static String mediaId(@Nullable String mediaId, String field) {
		String id = text(mediaId, field, 1, MAX_MEDIA_ID_LENGTH);
		if (!MEDIA_ID.matcher(id).matches() || id.equals(".") || id.equals("..")) {
			throw new InvalidComplaintRequestException(field,
					"must be a media_id as WeChat Pay hands it out: letters, digits and + / = _ . - %, not '.' or '..'");
		}
		return id;
	}

	/**
	 * Checks a required text: its length in characters and that it holds no 4-byte UTF-8
	 * character (WeChat Pay refuses emoji and other characters outside the Basic
	 * Multilingual Plane).
	 * @param value the text
	 * @param field the field
	 * @param min the shortest length
	 * @param max the longest length
	 * @return the text
	 */
	public static String text(@Nullable String value, String field, int min, int max) {
		if (value == null) {
			throw new InvalidComplaintRequestException(field, "is required");
		}
		int length = value.codePointCount(0, value.length());
		if (length < min || length > max || value.isBlank()) {
			throw new InvalidComplaintRequestException(field,
					"must be " + min + " to " + max + " characters long and not blank (was " + length + ")");
		}
		if (length != value.length()) {
			throw new InvalidComplaintRequestException(field,
					"must not contain 4-byte UTF-8 characters such as emoji: WeChat Pay refuses them");
		}
		return value;
	}

	/**
	 * Checks an optional text; {@code null} passes.
	 * @param value the text or {@code null}
	 * @param field the field
	 * @param max the longest length
	 * @return the text or {@code null}
	 */
	public static @Nullable String optionalText(@Nullable String value, String field, int max) {
		return (value != null) ? text(value, field, 1, max) : null;
	}

	/**
	 * WeChat Pay's text for an open-enum constant to send, refusing {@code UNKNOWN}: it
	 * stands for a value this version does not know, so no text WeChat Pay documents goes
	 * with it.
	 * @param value the constant, or {@code null}
	 * @param field the field
	 * @return the text, or {@code null} for {@code null}
	 */
	public static @Nullable String knownValue(@Nullable Enum<?> value, String field) {
		if (value == null) {
			return null;
		}
		if (OpenEnum.UNKNOWN.equals(value.name())) {
			throw new InvalidComplaintRequestException(field,
					"must not be UNKNOWN, which stands for a value this version does not know");
		}
		return value.name();
	}

	/**
	 * Checks a number's range.
	 * @param value the number
	 * @param field the field
	 * @param min the smallest value
	 * @param max the largest value
	 * @return the number
	 */
	public static int range(int value, String field, int min, int max) {
		if (value < min || value > max) {
			throw new InvalidComplaintRequestException(field,
					"must be between " + min + " and " + max + " (was " + value + ")");
		}
		return value;
	}

	/**
	 * Checks a list of media ids: at most {@code max}, none blank, each a {@link #mediaId
	 * media id}.
	 * @param mediaIds the ids, or {@code null}
	 * @param field the field
	 * @param max the largest number of ids
	 * @return an immutable copy, empty for {@code null}
	 */
	public static List<String> mediaIds(@Nullable List<String> mediaIds, String field, int max) {
		if (mediaIds == null) {
			return List.of();
		}
		if (mediaIds.size() > max) {
			throw new InvalidComplaintRequestException(field,
					"must hold at most " + max + " media ids (was " + mediaIds.size() + ")");
		}
		for (String mediaId : mediaIds) {
			if (mediaId == null || mediaId.isBlank()) {
				throw new InvalidComplaintRequestException(field, "must not hold blank media ids");
			}
			mediaId(mediaId, field);
		}
		return List.copyOf(mediaIds);
	}

	/**
	 * Checks an absolute HTTPS URL.
	 * @param value the URL
	 * @param field the field
	 * @param max the longest length
	 * @return the URL
	 */
	public static String httpsUrl(@Nullable String value, String field, int max) {
		text(value, field, 1, max);
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (URISyntaxException ex) {
			throw new InvalidComplaintRequestException(field, "must be a valid URL");
		}
		if (uri.getScheme() == null || !"https".equals(uri.getScheme().toLowerCase(Locale.ROOT))
				|| uri.getHost() == null) {
			throw new InvalidComplaintRequestException(field, "must be an absolute https:// URL");
		}
		return value;
	}

}
