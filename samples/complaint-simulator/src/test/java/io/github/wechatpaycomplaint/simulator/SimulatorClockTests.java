package io.github.wechatpaycomplaint.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.github.wechatpaycomplaint.simulator.keys.SimulatorKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Time under control: a {@link MovableClock} only moves forward, the simulator dates
 * complaints by it, and {@code /simulator/clock} moves it over HTTP or explains why it
 * cannot.
 */
class SimulatorClockTests {

	private static final Instant START = Instant.parse("2026-03-02T01:00:00Z");

	private static final Map<String, SimulatorKeys> KEYS = new ConcurrentHashMap<>();

	private static final Function<String, SimulatorKeys> KEY_FACTORY = (id) -> KEYS.computeIfAbsent(id,
			SimulatorKeys::generate);

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aMovableClockMovesForwardOnlyAndItsZoneViewsMoveWithIt() {
		MovableClock clock = MovableClock.startingAt(START);
		Clock shanghai = clock.withZone(ZoneId.of("Asia/Shanghai"));

		assertThat(clock.advance(Duration.ofHours(21))).isEqualTo(START.plus(Duration.ofHours(21)));
		assertThat(clock.advance(Duration.ZERO)).isEqualTo(START.plus(Duration.ofHours(21)));
		assertThat(shanghai.instant()).isEqualTo(clock.instant());
		assertThat(clock.advanced()).isEqualTo(Duration.ofHours(21));
		assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
		assertThatIllegalArgumentException().isThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
			.withMessageContaining("only moves forward");
		assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofHours(21)));
	}

	@Test
	void aClockFollowingTheSystemKeepsTicking() throws InterruptedException {
		MovableClock clock = MovableClock.systemUTC();
		clock.advance(Duration.ofDays(1));
		Instant first = clock.instant();
		Thread.sleep(5);

		assertThat(clock.instant()).isAfter(first);
		assertThat(Duration.between(Instant.now(), clock.instant())).isBetween(Duration.ofHours(23),
				Duration.ofHours(25));
	}

	@Test
	void complaintsFiledAfterAMoveAreDatedByTheMovedClock() {
		try (WechatPayComplaintSimulator simulator = start(MovableClock.startingAt(START))) {
			assertThat(simulator.advanceClock(Duration.ofHours(21))).isEqualTo(START.plus(Duration.ofHours(21)));

			String id = simulator.fileComplaint();

			assertThat(simulator.complaint(id).orElseThrow().getComplaintTime().toInstant())
				.isEqualTo(START.plus(Duration.ofHours(21)));
			assertThat(simulator.clock().instant()).isEqualTo(START.plus(Duration.ofHours(21)));
		}
	}

	@Test
	void aSimulatorOnTheSystemClockRefusesToMoveIt() {
		try (WechatPayComplaintSimulator simulator = start(Clock.systemUTC())) {
			assertThatIllegalStateException().isThrownBy(() -> simulator.advanceClock(Duration.ofHours(1)))
				.withMessageContaining("MovableClock.systemUTC()");
		}
	}

	@Test
	void postingAnAdvanceMovesTheClockAndAnswersTheNewTime() throws Exception {
		try (WechatPayComplaintSimulator simulator = start(MovableClock.startingAt(START))) {
			HttpResponse<String> moved = send("POST", simulator, "{\"advance\":\"PT21H\"}");
			assertThat(moved.statusCode()).isEqualTo(200);
			assertThat(moved.body()).contains("\"now\" : \"2026-03-02T22:00:00Z\"", "\"advanced\" : \"PT21H\"",
					"\"movable\" : true");

			assertThat(send("POST", simulator, "{\"advance\":\"P1D\"}").statusCode()).isEqualTo(200);
			HttpResponse<String> time = send("GET", simulator, "");
			assertThat(time.statusCode()).isEqualTo(200);
			assertThat(time.body()).contains("\"now\" : \"2026-03-03T22:00:00Z\"", "\"advanced\" : \"PT45H\"");
		}
	}

	@Test
	void badAdvancesAreRefusedWith400AndTheClockStays() throws Exception {
		try (WechatPayComplaintSimulator simulator = start(MovableClock.startingAt(START))) {
			assertParamError(send("POST", simulator, "{\"advance\":\"-PT1H\"}"), "negative");
			assertParamError(send("POST", simulator, "{\"advance\":\"21 hours\"}"), "not an ISO-8601 duration");
			assertParamError(send("POST", simulator, "{\"advance\":21}"), "{\\\"advance\\\":\\\"PT21H\\\"}");
			assertParamError(send("POST", simulator, "{}"), "ISO-8601 duration");
			assertParamError(send("POST", simulator, "not json"), "ISO-8601 duration");

			assertThat(simulator.clock().instant()).isEqualTo(START);
			assertThat(send("PUT", simulator, "{\"advance\":\"PT1H\"}").statusCode()).isEqualTo(405);
		}
	}

	@Test
	void aClockThatCannotMoveIsAConflict() throws Exception {
		try (WechatPayComplaintSimulator simulator = start(Clock.systemUTC())) {
			HttpResponse<String> refused = send("POST", simulator, "{\"advance\":\"PT21H\"}");

			assertThat(refused.statusCode()).isEqualTo(409);
			assertThat(refused.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
			assertThat(refused.body()).contains("\"code\" : \"CLOCK_NOT_MOVABLE\"", "MovableClock.systemUTC()");
			assertThat(send("GET", simulator, "").body()).contains("\"movable\" : false");
		}
	}

	private static void assertParamError(HttpResponse<String> response, String message) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.body()).contains("\"code\" : \"PARAM_ERROR\"", message);
	}

	private static WechatPayComplaintSimulator start(Clock clock) {
		return WechatPayComplaintSimulator.start(SimulatorSettings.defaults().keyFactory(KEY_FACTORY).clock(clock));
	}

	private HttpResponse<String> send(String method, WechatPayComplaintSimulator simulator, String body)
			throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(simulator.baseUri() + "/simulator/clock"))
			.method(method,
					body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
