package io.github.wechatpaycomplaint.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import io.github.wechatpaycomplaint.client.WechatPayOperation;
import io.github.wechatpaycomplaint.model.request.InvalidComplaintRequestException;
import io.github.wechatpaycomplaint.model.request.RequestChecks;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriUtils;

/**
 * Turns a {@code media_url} from a complaint or its history into the URI the download is
 * sent to.
 *
 * <ul>
 * <li>The raw path and query are kept byte for byte (media ids arrive percent-encoded,
 * e.g. {@code …%3D%3D}): the URI is never decoded or re-encoded, so the signed path is
 * the path on the wire.</li>
 * <li>The request always goes to the configured host (scheme and authority of the base
 * URI), whatever host the URL names: a signed request never leaves for a host the
 * application did not configure, and a simulator or proxy set as base URI receives
 * downloads too. The signature does not cover the host, so WeChat Pay accepts it on
 * either of its hosts.</li>
 * <li>Hong Kong downloads need {@code ?complaint_id=}; it is added when the URL does not
 * carry it.</li>
 * <li>A URL with a {@code #fragment}, a media id that is a dot segment (also when
 * percent-encoded) or holds characters WeChat Pay's media ids do not have, is refused
 * before anything is sent.</li>
 * </ul>
 */
final class MediaUrls {

	// A media id once its percent escapes are decoded: Base64 (standard or URL-safe) and
	// '_', '.', '-'.
	private static final Pattern DECODED_MEDIA_ID = Pattern.compile("[A-Za-z0-9+/=_.-]+");

	// ".", "..", or either between slashes once decoded (%2E%2E%2F…).
	private static final Pattern DOT_SEGMENT = Pattern.compile("(.*/)?\\.\\.?(/.*)?");

	// A '%' that does not start an escape of two hex digits.
	private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

	private final URI baseUri;

	private final boolean global;

	MediaUrls(URI baseUri, boolean global) {
		this.baseUri = baseUri;
		this.global = global;
	}

	URI target(String mediaUrl, @Nullable String complaintId) {
		URI source = parse(mediaUrl);
		String path = source.getRawPath();
		String mediaId = mediaId(path);
		if (mediaId == null) {
			throw new InvalidComplaintRequestException("media_url",
					"must be a complaint image URL (…" + WechatPayOperation.IMAGE_DOWNLOAD.getMainlandPathTemplate()
							+ ") from a complaint or its history");
		}
		checkMediaId(mediaId);
		String query = source.getRawQuery();
		if (this.global && (query == null || !query.matches("(^|.*&)complaint_id=.*"))) {
			if (complaintId == null) {
				throw new InvalidComplaintRequestException("complaint_id",
						"is required by the Hong Kong image download: pass the id of the complaint the image belongs to");
			}
			String parameter = "complaint_id="
					+ UriUtils.encodeQueryParam(RequestChecks.complaintId(complaintId), StandardCharsets.UTF_8);
			query = (query != null) ? query + "&" + parameter : parameter;
		}
		return URI.create(this.baseUri.getScheme() + "://" + this.baseUri.getRawAuthority() + path
				+ ((query != null) ? "?" + query : ""));
	}

	// The download's template of either flavour, whatever the endpoint; images/upload is
	// the upload, never a media id.
	private static @Nullable String mediaId(@Nullable String rawPath) {
		if (rawPath == null || WechatPayOperation.IMAGE_UPLOAD.matchRawPath(rawPath).isPresent()) {
			return null;
		}
		return WechatPayOperation.IMAGE_DOWNLOAD.matchRawPath(rawPath)
			.map((variables) -> variables.get("media_id"))
			.orElse(null);
	}

	private static URI parse(String mediaUrl) {
		RequestChecks.text(mediaUrl, "media_url", 1, 2048);
		URI uri;
		try {
			uri = URI.create(mediaUrl.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidComplaintRequestException("media_url", "must be a valid URL as WeChat Pay sent it");
		}
		if (uri.getRawFragment() != null) {
			// A fragment never reaches the server: the download would silently ask for
			// the URL cut at '#'.
			throw new InvalidComplaintRequestException("media_url",
					"must not contain a '#' fragment: WeChat Pay's media URLs have none (was it cut or altered?)");
		}
		return uri;
	}

	// The id as it stands in the path (percent-encoded, e.g. …GAAgAQ%3D%3D): WeChat Pay's
	// media id characters, well
	// formed escapes, and neither a dot segment nor one hidden behind escapes (%2E%2E),
	// which a server would resolve
	// to another resource.
	private static void checkMediaId(String rawSegment) {
		RequestChecks.mediaId(rawSegment, "media_url");
		if (BROKEN_ESCAPE.matcher(rawSegment).find()) {
			throw new InvalidComplaintRequestException("media_url", "must hold well-formed percent escapes (%XX)");
		}
		String decoded = UriUtils.decode(rawSegment, StandardCharsets.UTF_8);
		if (!DECODED_MEDIA_ID.matcher(decoded).matches()) {
			throw new InvalidComplaintRequestException("media_url",
					"must hold a media id of Base64 characters (letters, digits and + / = _ . -), percent-encoded or not");
		}
		if (DOT_SEGMENT.matcher(decoded).matches()) {
			throw new InvalidComplaintRequestException("media_url", "must not name a dot segment ('.' or '..')");
		}
	}

}
