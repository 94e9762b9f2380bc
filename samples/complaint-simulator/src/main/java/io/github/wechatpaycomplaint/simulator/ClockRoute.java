package io.github.wechatpaycomplaint.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;

import io.github.wechatpaycomplaint.simulator.http.SimulatorHttpServer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /simulator/clock}, shared by every merchant: {@code GET} tells the simulator's
 * time, {@code POST {"advance":"PT21H"}} moves a {@link MovableClock} forward and tells
 * the new time. 400 {@code PARAM_ERROR} for a missing, unreadable or negative
 * {@code advance}, 409 {@code CLOCK_NOT_MOVABLE} when the simulator runs on another
 * clock.
 */
final class ClockRoute {

	static final String PATH = "/simulator/clock";

	private final Clock clock;

	private final JsonMapper jsonMapper;

	ClockRoute(Clock clock, JsonMapper jsonMapper) {
		this.clock = clock;
		this.jsonMapper = jsonMapper;
	}

	SimulatorHttpServer.Response handle(SimulatorHttpServer.Request request) {
		return switch (request.method()) {
			case "GET" -> time(200);
			case "POST" -> advance(request);
			default -> error(405, "METHOD_NOT_ALLOWED", "GET or POST " + PATH);
		};
	}

	private SimulatorHttpServer.Response advance(SimulatorHttpServer.Request request) {
		if (!(this.clock instanceof MovableClock movable)) {
			return error(409, "CLOCK_NOT_MOVABLE", "The simulator runs on " + this.clock
					+ ", which cannot be moved: start it with SimulatorSettings.clock(MovableClock.systemUTC()) and give "
					+ "the application the same clock (an application in another process cannot follow a moved clock)");
		}
		String text = advanceText(request.body());
		if (text == null) {
			return error(400, "PARAM_ERROR", "Send {\"advance\":\"PT21H\"}: an ISO-8601 duration, zero or more");
		}
		Duration amount;
		try {
			amount = Duration.parse(text);
		}
		catch (DateTimeParseException ex) {
			return error(400, "PARAM_ERROR",
					"advance '" + text + "' is not an ISO-8601 duration such as PT21H, PT30M or P3D");
		}
		if (amount.isNegative()) {
			return error(400, "PARAM_ERROR", "advance '" + text + "' is negative: the clock only moves forward");
		}
		movable.advance(amount);
		return time(200);
	}

	private String advanceText(byte[] body) {
		try {
			JsonNode advance = this.jsonMapper.readTree(new String(body, StandardCharsets.UTF_8)).path("advance");
			return advance.isString() ? advance.asString() : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private SimulatorHttpServer.Response time(int status) {
		ObjectNode body = this.jsonMapper.createObjectNode().put("now", this.clock.instant().toString());
		if (this.clock instanceof MovableClock movable) {
			body.put("movable", true).put("advanced", movable.advanced().toString());
		}
		else {
			body.put("movable", false);
		}
		return json(status, body);
	}

	private SimulatorHttpServer.Response error(int status, String code, String message) {
		return json(status, this.jsonMapper.createObjectNode().put("code", code).put("message", message));
	}

	private SimulatorHttpServer.Response json(int status, Object body) {
		return SimulatorHttpServer.Response.json(status, body, this.jsonMapper);
	}

}
