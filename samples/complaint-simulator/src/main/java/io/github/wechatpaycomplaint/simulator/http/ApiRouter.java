package io.github.wechatpaycomplaint.simulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.wechatpaycomplaint.simulator.state.InvalidComplaintOperationException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Routes requests to handlers by method and path template ({@code /v3/.../{complaintId}}). WeChat Pay routes are
 * authenticated like WeChat Pay does and every answer, errors included, is signed (except the image download);
 * the simulator's own admin routes are plain.
 *
 * @since 0.1.0
 */
public final class ApiRouter implements HttpHandler {

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)\\}");

	private final List<Route> routes = new ArrayList<>();

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
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			byte[] body = in.readAllBytes();
			String path = exchange.getRequestURI().getRawPath();
			String query = exchange.getRequestURI().getRawQuery();
			Route route = null;
			Map<String, String> variables = Map.of();
			boolean pathKnown = false;
			for (Route candidate : this.routes) {
				Matcher matcher = candidate.pattern().matcher(path);
				if (matcher.matches()) {
					pathKnown = true;
					if (candidate.method().equals(exchange.getRequestMethod())) {
						route = candidate;
						variables = candidate.variables(matcher);
						break;
					}
				}
			}
			ApiRequest request = new ApiRequest(exchange.getRequestMethod(), path, query,
					exchange.getRequestHeaders(), body, variables, this.jsonMapper);
			ApiAnswer answer = answer(route, request, pathKnown);
			write(exchange, request, answer);
		}
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

	private void write(HttpExchange exchange, ApiRequest request, ApiAnswer answer) throws IOException {
		exchange.getResponseHeaders().set("Request-ID", requestId());
		if (answer.contentType() != null) {
			exchange.getResponseHeaders().set("Content-Type", answer.contentType());
		}
		if (answer.signed()) {
			this.signer.sign(request, answer.body()).forEach(exchange.getResponseHeaders()::set);
		}
		boolean empty = answer.body().length == 0;
		exchange.sendResponseHeaders(answer.status(), empty ? -1 : answer.body().length);
		if (!empty) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer.body());
			}
		}
	}

	private static String requestId() {
		byte[] bytes = new byte[12];
		ThreadLocalRandom.current().nextBytes(bytes);
		return "08" + HexFormat.of().withUpperCase().formatHex(bytes) + "-SIM";
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

	private record Route(String method, Pattern pattern, List<String> names,
			Function<ApiRequest, ApiAnswer> handler, boolean wechatPay) {

		Map<String, String> variables(Matcher matcher) {
			Map<String, String> variables = new LinkedHashMap<>();
			this.names.forEach((name) -> variables.put(name, matcher.group(name)));
			return variables;
		}

	}

}
