package io.github.wechatpaycomplaint.simulator;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.github.wechatpaycomplaint.simulator.crypto.MerchantAuthorization;
import io.github.wechatpaycomplaint.simulator.crypto.WechatPayHeaders;
import io.github.wechatpaycomplaint.simulator.http.SimulatorHttpServer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hands each request to the merchant it belongs to, as WeChat Pay tells merchants apart:
 * a WeChat Pay call by the {@code mchid} of its {@code Authorization} (a call naming no
 * simulated merchant goes to the merchant its {@code Wechatpay-Serial} names, else to the
 * first, and is refused there with 401 {@code SIGN_ERROR}); an admin call under
 * {@code /simulator/merchants/<name>} by the name, any other admin call to the first
 * merchant. {@code GET /simulator/merchants} lists the merchants, and
 * {@code /simulator/clock} tells (and moves) the time they share.
 */
final class MerchantDispatcher implements SimulatorHttpServer.Handler {

	static final String MERCHANTS_PATH = "/simulator/merchants";

	private final List<SimulatedMerchant> merchants;

	private final JsonMapper jsonMapper = new JsonMapper();

	private final ClockRoute clock;

	MerchantDispatcher(List<SimulatedMerchant> merchants, Clock clock) {
		this.merchants = merchants;
		this.clock = new ClockRoute(clock, this.jsonMapper);
	}

	@Override
	public SimulatorHttpServer.Response handle(SimulatorHttpServer.Request request) {
		String path = request.rawPath();
		if (path.equals(MERCHANTS_PATH) && request.method().equals("GET")) {
			return list();
		}
		if (path.equals(ClockRoute.PATH)) {
			return this.clock.handle(request);
		}
		if (path.startsWith(MERCHANTS_PATH + "/")) {
			String rest = path.substring(MERCHANTS_PATH.length() + 1);
			int slash = rest.indexOf('/');
			String name = (slash < 0) ? rest : rest.substring(0, slash);
			return byName(name).map((merchant) -> merchant.handle(new SimulatorHttpServer.Request(request.method(),
					"/simulator" + ((slash < 0) ? "" : rest.substring(slash)), request.rawQuery(), request.headers(),
					request.body())))
				.orElseGet(() -> notFound(name));
		}
		return merchantOf(request).handle(request);
	}

	private SimulatedMerchant merchantOf(SimulatorHttpServer.Request request) {
		String authorization = request.headers().get("Authorization");
		String mchid = (authorization != null)
				? MerchantAuthorization.parse(authorization).map((fields) -> fields.field("mchid")).orElse(null) : null;
		String serial = request.headers().get(WechatPayHeaders.SERIAL);
		return this.merchants.stream()
			.filter((merchant) -> merchant.merchantId().equals(mchid))
			.findFirst()
			.or(() -> this.merchants.stream()
				.filter((merchant) -> serial != null && merchant.hasSerial(serial))
				.findFirst())
			.orElse(this.merchants.get(0));
	}

	private Optional<SimulatedMerchant> byName(String name) {
		return this.merchants.stream().filter((merchant) -> merchant.name().equals(name)).findFirst();
	}

	private SimulatorHttpServer.Response list() {
		ArrayNode list = this.jsonMapper.createArrayNode();
		for (SimulatedMerchant merchant : this.merchants) {
			list.addObject()
				.put("name", merchant.name())
				.put("mchid", merchant.merchantId())
				.put("region", merchant.region().map(Enum::name).orElse(null))
				.put("certificate_mode", merchant.certificateMode())
				.put("wechatpay_public_key_id", merchant.keys().publicKeyId())
				.put("platform_certificate_serial", merchant.keys().platformCertificateSerial())
				.put("admin", merchant.adminUri())
				.put("notification_target", merchant.notificationTarget().map(Object::toString).orElse(null));
		}
		return json(200, list);
	}

	private SimulatorHttpServer.Response notFound(String name) {
		ObjectNode body = this.jsonMapper.createObjectNode()
			.put("code", "NOT_FOUND")
			.put("message", "no simulated merchant '" + name + "'");
		return json(404, body);
	}

	private SimulatorHttpServer.Response json(int status, Object body) {
		return SimulatorHttpServer.Response.json(status, body, this.jsonMapper);
	}

}
