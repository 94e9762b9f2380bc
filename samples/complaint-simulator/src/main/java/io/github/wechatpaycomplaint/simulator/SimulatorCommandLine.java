package io.github.wechatpaycomplaint.simulator;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the simulator's {@code --name=value} arguments into settings.
 *
 * @since 0.1.0
 */
final class SimulatorCommandLine {

	static final String USAGE = """
			Options (all optional):
			  --port=8090                   port on 127.0.0.1 (0 = any free port)
			  --complaints=2                complaints filed on start
			  --callback-url=URL            where notifications go, e.g. http://localhost:8080/wechatpay/complaint-notifications
			  --properties-file=PATH        where to write the application properties (target/wechatpay-simulator.properties)
			  --merchant-id=1900000001      the (first) simulated merchant id
			  --merchants=main,hk:HONG_KONG several merchants, by name, each with its own keys and mchid
			                                (the first --merchant-id, the others 1900000002, ...); a name may end
			                                with :MAINLAND or :HONG_KONG (only the /v3/global paths)
			  --certificate-mode            sign with a platform certificate instead of the WeChat Pay public key
			  --seed=20250613               seed of made-up complaints and of duplicate decisions
			  --duplicate-probability=0.2   chance that a delivered notification is sent again
			  --always-duplicate            send every delivered notification twice
			  --max-attempts=5              attempts per notification
			  --retry-backoff=2s            wait between attempts (500ms, 2s, PT1M)
			  --max-answer-items=0          refuse list and history pages holding more items as "too large" (0 = never)
			""";

	private final Map<String, String> options = new LinkedHashMap<>();

	SimulatorCommandLine(String... args) {
		for (String arg : args) {
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("Unexpected argument '" + arg + "'\n" + USAGE);
			}
			int equals = arg.indexOf('=');
			this.options.put((equals < 0) ? arg.substring(2) : arg.substring(2, equals),
					(equals < 0) ? "true" : arg.substring(equals + 1));
		}
	}

	boolean help() {
		return this.options.containsKey("help");
	}

	Path propertiesFile() {
		return Path.of(this.options.getOrDefault("properties-file", "target/wechatpay-simulator.properties"));
	}

	SimulatorSettings settings() {
		SimulatorSettings settings = SimulatorSettings.defaults()
			.port(Integer.parseInt(this.options.getOrDefault("port", "8090")))
			.initialComplaints(Integer.parseInt(this.options.getOrDefault("complaints", "2")))
			.merchantId(this.options.getOrDefault("merchant-id", "1900000001"))
			.certificateMode(Boolean.parseBoolean(this.options.getOrDefault("certificate-mode", "false")))
			.seed(Long.parseLong(this.options.getOrDefault("seed", "20250613")))
			.duplicateProbability(Double.parseDouble(this.options.getOrDefault("duplicate-probability", "0.2")))
			.alwaysDuplicate(Boolean.parseBoolean(this.options.getOrDefault("always-duplicate", "false")))
			.maxAttempts(Integer.parseInt(this.options.getOrDefault("max-attempts", "5")))
			.retryBackoff(duration(this.options.getOrDefault("retry-backoff", "2s")))
			.maxAnswerItems(Integer.parseInt(this.options.getOrDefault("max-answer-items", "0")));
		String callback = this.options.get("callback-url");
		if (callback != null) {
			settings.callbackUrl(URI.create(callback));
		}
		String merchants = this.options.get("merchants");
		if (merchants != null) {
			for (String merchant : merchants.split(",")) {
				declare(settings, merchant.strip());
			}
		}
		return settings;
	}

	// NAME or NAME:REGION
	private static void declare(SimulatorSettings settings, String merchant) {
		int colon = merchant.indexOf(':');
		String name = (colon < 0) ? merchant : merchant.substring(0, colon);
		MerchantRegion region = (colon < 0) ? null : region(merchant.substring(colon + 1));
		settings.merchant(name, (declared) -> (region != null) ? declared.region(region) : declared);
	}

	private static MerchantRegion region(String text) {
		try {
			return MerchantRegion.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Unknown region '" + text + "': use MAINLAND or HONG_KONG\n" + USAGE);
		}
	}

	static Duration duration(String text) {
		String value = text.strip().toLowerCase(Locale.ROOT);
		if (value.endsWith("ms")) {
			return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
		}
		if (value.endsWith("s") && !value.startsWith("p")) {
			return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
		}
		return Duration.parse(text.strip());
	}

}
