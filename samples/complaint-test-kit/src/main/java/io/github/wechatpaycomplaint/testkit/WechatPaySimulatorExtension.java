package io.github.wechatpaycomplaint.testkit;

import java.time.Duration;
import java.util.function.UnaryOperator;

import io.github.wechatpaycomplaint.simulator.MovableClock;
import io.github.wechatpaycomplaint.simulator.SimulatedMerchant;
import io.github.wechatpaycomplaint.simulator.SimulatorSettings;
import io.github.wechatpaycomplaint.simulator.WechatPayComplaintSimulator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Runs a WeChat Pay complaint simulator for a test class: register it as a static
 * {@code @RegisterExtension} field, hand its properties to Spring with
 * {@link #register(DynamicPropertyRegistry)}, and inject it into test methods. Declare
 * several merchants in the settings
 * ({@code (settings) -> settings.merchant("main", (m) -> m).merchant("hk", (m) -> m.region(MerchantRegion.HONG_KONG))})
 * and reach each with {@link #merchant(String)}; every merchant's keys are the
 * {@link WechatPayTestKeys#shared(String) shared test keys} of its merchant id unless the
 * settings give others.
 *
 * <p>
 * The simulator runs on a {@link MovableClock} that follows the system clock until moved:
 * give {@link #clock()} to the application as its {@code Clock} bean and
 * {@link MovableClock#advance(Duration) advance} it to see what a day later looks like
 * (complaint deadlines coming due) without waiting; both sides read the same time, so
 * signatures and notifications stay fresh. Test methods may take the clock as a
 * parameter.
 *
 * @since 0.1.0
 */
public final class WechatPaySimulatorExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

	private final UnaryOperator<SimulatorSettings> customizer;

	private WechatPayComplaintSimulator simulator;

	/**
	 * A simulator of one merchant with the shared test keys, short retries (100 ms) and a
	 * movable clock.
	 */
	public WechatPaySimulatorExtension() {
		this(UnaryOperator.identity());
	}

	/**
	 * A simulator with customized settings.
	 * @param customizer changes the default settings, e.g.
	 * {@code (settings) -> settings.alwaysDuplicate(true)}
	 */
	public WechatPaySimulatorExtension(UnaryOperator<SimulatorSettings> customizer) {
		this.customizer = customizer;
	}

	/**
	 * The running simulator, started on first use.
	 * @return the simulator
	 */
	public synchronized WechatPayComplaintSimulator simulator() {
		if (this.simulator == null) {
			this.simulator = WechatPayComplaintSimulator.start(this.customizer.apply(SimulatorSettings.defaults()
				.keyFactory((merchantId) -> WechatPayTestKeys.shared(merchantId).simulatorKeys())
				.retryBackoff(Duration.ofMillis(100))
				.clock(MovableClock.systemUTC())));
		}
		return this.simulator;
	}

	/**
	 * The clock the simulator runs on, to move forward and to give the application as its
	 * {@code Clock} bean ({@code @Bean Clock clock() { return wechatPay.clock(); }}).
	 * @return the clock
	 * @throws IllegalStateException when the settings gave the simulator a clock that
	 * cannot move
	 */
	public MovableClock clock() {
		if (simulator().clock() instanceof MovableClock clock) {
			return clock;
		}
		throw new IllegalStateException("The simulator runs on " + simulator().clock()
				+ ", which cannot be moved: leave the clock to the extension or give it a MovableClock");
	}

	/**
	 * A merchant of the simulator, started on first use.
	 * @param name the name it was declared with ({@code default} when none was)
	 * @return the merchant
	 * @throws IllegalArgumentException when the simulator has no merchant of that name
	 */
	public SimulatedMerchant merchant(String name) {
		return simulator().merchant(name);
	}

	/**
	 * A notification builder for one merchant: signed with that merchant's WeChat Pay key
	 * under its public key id, encrypted with its APIv3 key.
	 * @param merchantName the merchant's name
	 * @return the builder
	 */
	public WechatPayNotificationBuilder notification(String merchantName) {
		return WechatPayTestKeys.of(merchant(merchantName).keys()).notification();
	}

	/**
	 * Registers the simulator's {@code wechatpay.complaint.*} properties (of every
	 * merchant).
	 * @param registry the registry of a {@code @DynamicPropertySource} method
	 */
	public void register(DynamicPropertyRegistry registry) {
		simulator().applicationProperties().forEach((key, value) -> registry.add(key, () -> value));
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		simulator();
	}

	@Override
	public synchronized void afterAll(ExtensionContext context) {
		if (this.simulator != null) {
			this.simulator.close();
			this.simulator = null;
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return type == WechatPayComplaintSimulator.class || type == MovableClock.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return (parameter.getParameter().getType() == MovableClock.class) ? clock() : simulator();
	}

}
