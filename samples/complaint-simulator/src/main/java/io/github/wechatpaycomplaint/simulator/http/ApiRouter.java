package io.github.wechatpaycomplaint.simulator.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.wechatpaycomplaint.simulator.crypto.WechatPayHeaders;
import io.github.wechatpaycomplaint.simulator.keys.WechatPaySigningKey;
import io.github.wechatpaycomplaint.simulator.state.InvalidComplaintOperationException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Routes requests to handlers by method and path template
 * ({@code /v3/.../{complaintId}}). WeChat Pay routes are authenticated like WeChat Pay
 * does and every answer, errors included, is signed (except the image download); the
 * simulator's own admin routes are plain.
 *
 * @since 0.1.0
 */
public final class ApiRouter implements SimulatorHttpServer.Handler {

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)\\}");

	private final List<Route> routes = new ArrayList<>();

	private final List<Consumer<ApiRequest>> checks = new ArrayList<>();

	private final RequestAuthenticator authenticator;

	private final AnswerSigner signer;

	private final JsonMapper jsonMapper;

	public ApiRouter(RequestAuthenticator authenticator, AnswerSigner signer, JsonMapper jsonMapper) {
		this.authenticator = authenticator;
		this.signer = signer;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Adds a WeChat Pay route: authenticated, answers signed.
	 * @param method the HTTP method
	 * @param template the path template
	 * @param handler the handler
	 * @return this router
	 */
	public ApiRouter wechatPay(String method, String template, Function<ApiRequest, ApiAnswer> handler) {
		this.routes.add(new Route(method, compile(template), names(template), handler, true));
		return this;
	}

	/**
	 * Adds a check that every WeChat Pay request passes once its signature is checked,
	 * e.g. whether the merchant may call the path.
	 * @param check throws a {@link WechatPayError} to refuse the request
	 * @return this router
	 */
	public ApiRouter check(Consumer<ApiRequest> check) {
		this.checks.add(check);
		return this;
	}

	/**
	 * Adds a simulator admin route: no authentication, answers unsigned.
	 * @param method the HTTP method
	 * @param template the path template
	 * @param handler the handler
	 * @return this router
	 */
	public ApiRouter admin(String method, String template, Function<ApiRequest, ApiAnswer> handler) {
		this.routes.add(new Route(method, compile(template), names(template), handler, false));
		return this;
	}

	@Override
	public SimulatorHttpServer.Response handle(SimulatorHttpServer.Request received) {
		String path = received.rawPath();
		Route route = null;
		Map<String, String> variables = Map.of();
		boolean pathKnown = false;
		for (Route candidate : this.routes) {
			Matcher matcher = candidate.pattern().matcher(path);
			if (matcher.matches()) {
				pathKnown = true;
				if (candidate.method().equals(received.method())) {
					route = candidate;
					variables = candidate.variables(matcher);
					break;
				}
			}
		}
		ApiRequest request = new ApiRequest(received.method(), path, received.rawQuery(), received.headers(),
				received.body(), variables, this.jsonMapper);
		return response(request, answer(route, request, pathKnown));
	}

	private ApiAnswer answer(Route route, ApiRequest request, boolean pathKnown) {
		try {
			if (route == null) {
				throw pathKnown ? WechatPayError.of(405, "METHOD_NOT_ALLOWED", "不支持的请求方法 (method not allowed)")
						: WechatPayError.of(404, "NOT_FOUND", "请求的资源不存在 (no such API: " + request.rawPath() + ")");
			}
			if (route.wechatPay()) {
				this.authenticator.authenticate(request);
				this.signer.checkRequestSerial(request);
				this.checks.forEach((check) -> check.accept(request));
			}
			return route.handler().apply(request);
		}
		catch (WechatPayError ex) {
			return ApiAnswer.json(ex.getStatus(), errorBody(ex));
		}
		catch (InvalidComplaintOperationException ex) {
			return ApiAnswer.json(400, errorBody(WechatPayError.invalidRequest(ex.getMessage())));
		}
		catch (RuntimeException ex) {
			return ApiAnswer.json(500, errorBody(WechatPayError.of(500, "SYSTEM_ERROR",
					"系统错误 (simulator failure: " + ex.getClass().getSimpleName() + ": " + ex.getMessage() + ")")));
		}
	}

	private byte[] errorBody(WechatPayError error) {
		ObjectNode body = this.jsonMapper.createObjectNode();
		body.put("code", error.getCode());
		body.put("message", error.getMessage());
		if (!error.getDetail().isEmpty()) {
			body.set("detail", this.jsonMapper.valueToTree(error.getDetail()));
		}
		return this.jsonMapper.writeValueAsBytes(body);
	}

	// Header names exactly as WeChat Pay spells them: some clients look them up
	// case-sensitively.
	private SimulatorHttpServer.Response response(ApiRequest request, ApiAnswer answer) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(WechatPayHeaders.REQUEST_ID, WechatPaySigningKey.newRequestId());
		if (answer.contentType() != null) {
			headers.put("Content-Type", answer.contentType());
		}
		if (answer.signed()) {
			headers.putAll(this.signer.sign(request, answer.body()));
		}
		return new SimulatorHttpServer.Response(answer.status(), headers, answer.body());
	}

	private static Pattern compile(String template) {
		Matcher matcher = VARIABLE.matcher(template);
		StringBuilder regex = new StringBuilder();
		int last = 0;
		while (matcher.find()) {
			regex.append(Pattern.quote(template.substring(last, matcher.start())));
			regex.append("(?<").append(matcher.group(1)).append(">[^/]+)");
			last = matcher.end();
		}
		regex.append(Pattern.quote(template.substring(last)));
		return Pattern.compile(regex.toString());
	}

	private static List<String> names(String template) {
		List<String> names = new ArrayList<>();
		Matcher matcher = VARIABLE.matcher(template);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	private record Route(String method, Pattern pattern, List<String> names, Function<ApiRequest, ApiAnswer> handler,
			boolean wechatPay) {

		Map<String, String> variables(Matcher matcher) {
			Map<String, String> variables = new LinkedHashMap<>();
			this.names.forEach((name) -> variables.put(name, matcher.group(name)));
			return variables;
		}

	}

}
