package io.github.wechatpaycomplaint.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.github.wechatpaycomplaint.simulator.keys.SimulatorKeys;
import org.jspecify.annotations.Nullable;

/**
 * Settles the merchants of a simulator: the declared ones (or one named
 * {@value #DEFAULT_NAME}), the first taking the simulator's merchant id and keys, the
 * others counting up from {@code 1900000002} past the ids already taken; every merchant
 * must differ from the others in merchant id, WeChat Pay public key id and platform
 * certificate serial, since requests and notifications are told apart by them.
 */
final class MerchantSetups {

	/** The name of the one merchant of a simulator that declares none. */
	static final String DEFAULT_NAME = "default";

	private static final long FIRST_OTHER_MERCHANT_ID = 1900000002L;

	private MerchantSetups() {
	}

	static List<MerchantSetup> resolve(SimulatorSettings settings) {
		Map<String, MerchantSettings> declared = new LinkedHashMap<>(settings.getMerchants());
		if (declared.isEmpty()) {
			declared.put(DEFAULT_NAME, new MerchantSettings());
		}
		Map<String, String> ids = merchantIds(settings, declared);
		List<MerchantSetup> setups = new ArrayList<>();
		declared.forEach((name, merchant) -> {
			boolean first = setups.isEmpty();
			SimulatorKeys keys = keys(settings, merchant, first, ids.get(name));
			setups.add(new MerchantSetup(name, keys, merchant.getRegion(),
					or(merchant.getCertificateMode(), settings.isCertificateMode()),
					(merchant.getCallbackUrl() != null) ? merchant.getCallbackUrl() : settings.getCallbackUrl(),
					or(merchant.getInitialComplaints(), settings.getInitialComplaints())));
		});
		checkDistinct(setups, "merchant id", (setup) -> setup.keys().merchantId());
		checkDistinct(setups, "WeChat Pay public key id", (setup) -> setup.keys().publicKeyId());
		checkDistinct(setups, "platform certificate serial", (setup) -> setup.keys().platformCertificateSerial());
		return List.copyOf(setups);
	}

	// Ids given (through keys or ids) first, so that the made-up ones never collide.
	private static Map<String, String> merchantIds(SimulatorSettings settings, Map<String, MerchantSettings> declared) {
		Map<String, String> ids = new HashMap<>();
		boolean first = true;
		for (Map.Entry<String, MerchantSettings> merchant : declared.entrySet()) {
			String given = givenId(settings, merchant.getValue(), first);
			if (given != null) {
				ids.put(merchant.getKey(), given);
			}
			first = false;
		}
		Set<String> taken = new HashSet<>(ids.values());
		long next = FIRST_OTHER_MERCHANT_ID;
		for (String name : declared.keySet()) {
			if (!ids.containsKey(name)) {
				while (taken.contains(Long.toString(next))) {
					next++;
				}
				ids.put(name, Long.toString(next));
				taken.add(Long.toString(next));
			}
		}
		return ids;
	}

	private static @Nullable String givenId(SimulatorSettings settings, MerchantSettings merchant, boolean first) {
		if (merchant.getKeys() != null) {
			return merchant.getKeys().merchantId();
		}
		if (merchant.getMerchantId() != null) {
			return merchant.getMerchantId();
		}
		if (!first) {
			return null;
		}
		return (settings.getKeys() != null) ? settings.getKeys().merchantId() : settings.getMerchantId();
	}

	private static SimulatorKeys keys(SimulatorSettings settings, MerchantSettings merchant, boolean first,
			String merchantId) {
		if (merchant.getKeys() != null) {
			return merchant.getKeys();
		}
		if (first && merchant.getMerchantId() == null && settings.getKeys() != null) {
			return settings.getKeys();
		}
		return settings.getKeyFactory().apply(merchantId);
	}

	private static void checkDistinct(List<MerchantSetup> setups, String what,
			Function<MerchantSetup, String> property) {
		Map<String, String> seen = new HashMap<>();
		for (MerchantSetup setup : setups) {
			String other = seen.putIfAbsent(property.apply(setup), setup.name());
			if (other != null) {
				throw new IllegalArgumentException("Merchants '" + other + "' and '" + setup.name() + "' have the same "
						+ what + " " + property.apply(setup) + ": give each simulated merchant its own keys");
			}
		}
	}

	private static <T> T or(@Nullable T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}
