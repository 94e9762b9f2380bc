package io.github.wechatpaycomplaint.samples.complainthandling;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.wechatpaycomplaint.simulator.MerchantRegion;
import io.github.wechatpaycomplaint.simulator.MovableClock;
import io.github.wechatpaycomplaint.simulator.SimulatorSettings;
import io.github.wechatpaycomplaint.simulator.WechatPayComplaintSimulator;

import org.springframework.boot.SpringApplication;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the sample on an in-process WeChat Pay simulator, with no account, no network and
 * no key setup: {@code ./mvnw -pl samples/complaint-handling spring-boot:test-run}.
 *
 * <p>
 * It starts the simulator for the sample's two merchants, the mainland {@code main} and
 * the Hong Kong {@code hk} (fresh keys for each, port 8090 when free), hands the
 * application the simulator's {@code wechatpay.complaint.merchants.*} properties ahead of
 * {@code application.yml}, gives the application and the simulator one
 * {@link MovableClock} (the application's {@code Clock} bean) so that the story can move
 * time a day forward, activates the {@code simulator} profile, and adds
 * {@link SimulatedComplaintStory}, which points each merchant's notifications at the
 * application and plays a user. It lives in {@code src/test} so nothing of it reaches the
 * production jar.
 */
public final class SimulatedComplaintHandlingApplication {

	private static final int PREFERRED_SIMULATOR_PORT = 8090;

	private SimulatedComplaintHandlingApplication() {
	}

	public static void main(String[] args) {
		MovableClock clock = MovableClock.systemUTC();
		WechatPayComplaintSimulator simulator = WechatPayComplaintSimulator
			.start(merchants(SimulatorSettings.defaults()).port(freePortOr(PREFERRED_SIMULATOR_PORT)).clock(clock));
		SpringApplication application = new SpringApplication(ComplaintHandlingApplication.class,
				SimulatedComplaintStory.class);
		application.setAdditionalProfiles("simulator");
		application.addInitializers((context) -> {
			Map<String, Object> properties = new LinkedHashMap<>(simulator.applicationProperties());
			if (!context.getEnvironment().containsProperty("server.port")) {
				// Any free port: the simulator is told where the application listens.
				properties.put("server.port", "0");
			}
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("wechatpaySimulator", properties));
			context.getBeanFactory().registerSingleton("wechatPayComplaintSimulator", simulator);
			// The starter signs, checks freshness and judges deadlines by the
			// application's
			// Clock: the simulator's, so that both move together.
			context.getBeanFactory().registerSingleton("clock", clock);
			context.addApplicationListener((ContextClosedEvent event) -> simulator.close());
		});
		application.run(args);
	}

	/**
	 * The sample's merchants, as in {@code application.yml}.
	 * @param settings the simulator's settings
	 * @return the settings with {@code main} and {@code hk}
	 */
	static SimulatorSettings merchants(SimulatorSettings settings) {
		return settings.merchant("main", (merchant) -> merchant.region(MerchantRegion.MAINLAND))
			.merchant("hk", (merchant) -> merchant.region(MerchantRegion.HONG_KONG));
	}

	private static int freePortOr(int preferred) {
		try (ServerSocket socket = new ServerSocket(preferred)) {
			return preferred;
		}
		catch (IOException ex) {
			return 0;
		}
	}

}
