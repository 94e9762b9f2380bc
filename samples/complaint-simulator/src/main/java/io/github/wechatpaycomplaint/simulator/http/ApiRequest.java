package io.github.wechatpaycomplaint.simulator.http;

import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One request as the simulator sees it: the raw path and query exactly as sent (the
 * signature covers them), the decoded query parameters, the path variables of the matched
 * route, the headers and the body bytes.
 *
 * @since 0.1.0
 */
public final class ApiRequest {

	private final String method;

	private final String rawPath;

	private final String rawQuery;

	private final Map<String, String> headers;

	private final byte[] body;

	private final Map<String, String> pathVariables;

	private final Map<String, String> query;

	private final JsonMapper jsonMapper;

	private MultipartForm form;

	ApiRequest(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body,
			Map<String, String> pathVariables, JsonMapper jsonMapper) {
		this.method = method;
		this.rawPath = rawPath;
		this.rawQuery = rawQuery;
		this.headers = headers;
		this.body = body;
		this.pathVariables = Map.copyOf(pathVariables);
		this.query = QueryString.parse(rawQuery);
		this.jsonMapper = jsonMapper;
	}

	public String method() {
		return this.method;
	}

	public String rawPath() {
		return this.rawPath;
	}

	/**
	 * The URL line of the request signature: raw path, plus {@code ?} and the raw query
	 * when there is one.
	 * @return the canonical URL
	 */
	public String canonicalUrl() {
		return (this.rawQuery != null) ? this.rawPath + "?" + this.rawQuery : this.rawPath;
	}

	/**
	 * Whether the request used a Hong Kong ({@code /v3/global/...}) path.
	 * @return {@code true} for the global flavour
	 */
	public boolean global() {
		return this.rawPath.startsWith("/v3/global/");
	}

	public String header(String name) {
		return this.headers.get(name);
	}

	public byte[] body() {
		return this.body;
	}

	public String pathVariable(String name) {
		return this.pathVariables.get(name);
	}

	/**
	 * A decoded query parameter.
	 * @param name the name
	 * @return the value, or {@code null} when absent
	 */
	public String query(String name) {
		return this.query.get(name);
	}

	/**
	 * The body as JSON.
	 * @return the JSON tree (an empty object for an empty body)
	 * @throws WechatPayError {@code PARAM_ERROR} when the body is not JSON
	 */
	public JsonNode json() {
		if (this.body.length == 0) {
			return this.jsonMapper.createObjectNode();
		}
		try {
			return this.jsonMapper.readTree(this.body);
		}
		catch (JacksonException ex) {
			throw WechatPayError.paramError("body", "body", null, "请求体不是合法的JSON (the body is not valid JSON)");
		}
	}

	/**
	 * Whether the body is {@code multipart/form-data}.
	 * @return {@code true} for an upload
	 */
	public boolean multipart() {
		String contentType = header("Content-Type");
		return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
	}

	/**
	 * The multipart form of an upload.
	 * @return the parsed form
	 */
	public MultipartForm form() {
		if (this.form == null) {
			this.form = MultipartForm.parse(header("Content-Type"), this.body);
		}
		return this.form;
	}

	/**
	 * The bytes the request signature covers: the body, or the {@code meta} part of a
	 * multipart upload.
	 * @return the signed bytes
	 */
	public byte[] signedBody() {
		if (!multipart()) {
			return this.body;
		}
		MultipartForm.Part meta = form().part("meta");
		return (meta != null) ? meta.bytes() : new byte[0];
	}

}
