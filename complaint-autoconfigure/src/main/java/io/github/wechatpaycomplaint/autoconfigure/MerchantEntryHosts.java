package io.github.wechatpaycomplaint.autoconfigure;

import io.github.wechatpaycomplaint.client.WechatPayEndpoint;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * Which host a merchant entry calls. The host settings ({@code client.base-uri},
 * {@code client.failover.backup-base-uri} and {@code client.allow-insecure-http}) belong
 * to the host they name, so an entry takes them from {@code wechatpay.complaint.client}
 * only when it keeps the global host: when it sets neither {@code client.endpoint} nor
 * {@code client.base-uri}. An entry that chooses an endpoint calls that endpoint's hosts
 * (a Hong Kong entry never signs requests for a global mainland base URI), unless it sets
 * its own base URI too.
 */
final class MerchantEntryHosts {

	private static final String ENDPOINT = ".client.endpoint";

	private static final String BASE_URI = ".client.base-uri";

	private MerchantEntryHosts() {
	}

	/**
	 * Forgets the global host settings bound into an entry's client properties when the
	 * entry chooses its own host.
	 * @param entry binds the entry's own keys
	 * @param prefix the entry's prefix, {@code wechatpay.complaint.merchants.<name>}
	 * @param client the client properties, global values bound, entry keys not yet
	 */
	static void dropGlobalHostIfOwnChosen(Binder entry, String prefix, ComplaintClientProperties client) {
		if (sets(entry, prefix + ENDPOINT) || sets(entry, prefix + BASE_URI)) {
			ComplaintClientProperties defaults = new ComplaintClientProperties();
			client.setBaseUri(defaults.getBaseUri());
			client.getFailover().setBackupBaseUri(defaults.getFailover().getBackupBaseUri());
			client.setAllowInsecureHttp(defaults.isAllowInsecureHttp());
		}
	}

	/**
	 * Refuses an entry whose own base URI would get API paths it did not choose: the
	 * endpoint decides between the mainland and the Hong Kong paths, and an entry that
	 * names its own host but inherits the Hong Kong endpoint is ambiguous.
	 * @param entry binds the entry's own keys
	 * @param prefix the entry's prefix
	 * @param client the entry's client properties, fully bound
	 * @throws InvalidComplaintPropertyException naming the entry's endpoint property
	 */
	static void checkPathsChosen(Binder entry, String prefix, ComplaintClientProperties client) {
		WechatPayEndpoint inherited = client.getEndpoint();
		if (inherited.isGlobal() && sets(entry, prefix + BASE_URI) && !sets(entry, prefix + ENDPOINT)) {
			String property = prefix + ENDPOINT;
			throw new InvalidComplaintPropertyException(property,
					"the entry sets its own " + prefix + BASE_URI + " but takes the endpoint " + inherited + " from "
							+ ComplaintClientProperties.PREFIX + ".endpoint, and the endpoint decides whether that "
							+ "host gets the Hong Kong (/v3/global) or the mainland API paths",
					"Set '" + property + "' too: HONG_KONG for the /v3/global paths, MAINLAND for the others.");
		}
	}

	private static boolean sets(Binder entry, String property) {
		return entry.bind(property, Bindable.of(String.class)).isBound();
	}

}
