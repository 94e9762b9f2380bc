package io.github.wechatpaycomplaint.simulator.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a {@code multipart/form-data} body, as the image upload sends them
 * ({@code meta} and {@code file}).
 *
 * @since 0.1.0
 */
public final class MultipartForm {

	private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");

	private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");

	private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

	private final Map<String, Part> parts;

	private MultipartForm(Map<String, Part> parts) {
		this.parts = parts;
	}

	/**
	 * One part.
	 *
	 * @param name the form field name
	 * @param filename the file name, or {@code null}
	 * @param contentType the part's content type, or {@code null}
	 * @param bytes the content
	 */
	public record Part(String name, String filename, String contentType, byte[] bytes) {
	}

	/**
	 * Parses a body.
	 * @param contentType the request's {@code Content-Type}
	 * @param body the body
	 * @return the form
	 * @throws WechatPayError {@code PARAM_ERROR} when the body is not multipart
	 */
	public static MultipartForm parse(String contentType, byte[] body) {
		Matcher boundary = (contentType != null) ? BOUNDARY.matcher(contentType) : null;
		if (boundary == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
				|| !boundary.find()) {
			throw WechatPayError.invalidRequest("请使用multipart/form-data上传图片 (the upload must be multipart/form-data)");
		}
		byte[] delimiter = ("--" + boundary.group(1)).getBytes(StandardCharsets.ISO_8859_1);
		Map<String, Part> parts = new LinkedHashMap<>();
		int start = indexOf(body, delimiter, 0);
		while (start >= 0) {
			int headersStart = start + delimiter.length;
			if (headersStart + 1 < body.length && body[headersStart] == '-' && body[headersStart + 1] == '-') {
				break;
			}
			headersStart += 2; // CRLF after the delimiter
			int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
			int next = indexOf(body, delimiter, headersStart);
			if (headersEnd < 0 || next < 0) {
				break;
			}
			String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
			byte[] content = Arrays.copyOfRange(body, headersEnd + 4, Math.max(headersEnd + 4, next - 2));
			Part part = new Part(group(NAME, headers), group(FILENAME, headers), contentType(headers), content);
			if (part.name() != null) {
				parts.putIfAbsent(part.name(), part);
			}
			start = next;
		}
		return new MultipartForm(parts);
	}

	/**
	 * A part by name.
	 * @param name the field name
	 * @return the part, or {@code null}
	 */
	public Part part(String name) {
		return this.parts.get(name);
	}

	private static String contentType(String headers) {
		for (String line : headers.split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
				return line.substring("content-type:".length()).strip();
			}
		}
		return null;
	}

	private static String group(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static int indexOf(byte[] data, byte[] pattern, int from) {
		outer: for (int i = Math.max(from, 0); i <= data.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
