package io.github.wechatpaycomplaint.multimerchant;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * One immutable state of the registry: the merchants by name, and every index to them (by
 * merchant id, by WeChat Pay public key id, by platform certificate serial). The registry
 * publishes a new one as a whole, so a lookup reads one consistent state: during a key
 * rotation a merchant is found under its old key id or under its new one, never under
 * neither.
 *
 * <p>
 * A certificate serial that two merchants claim (which WeChat Pay never issues) is in no
 * index: it is {@linkplain #isContested contested}, and a notification signed with it
 * cannot be routed to either.
 */
final class MerchantIndex {

	static final MerchantIndex EMPTY = new Builder(Map.of(), Map.of(), Map.of(), Map.of()).build();

	private final Map<String, MerchantSlot> byName;

	private final Map<String, MerchantSlot> byMerchantId;

	private final Map<String, MerchantSlot> byPublicKeyId;

	private final Map<String, Set<String>> certificateSerialsByName;

	private final Map<String, MerchantSlot> byCertificateSerial;

	private final Map<String, Set<String>> contested;

	private final List<String> names;

	private MerchantIndex(Builder builder) {
		this.byName = Map.copyOf(builder.byName);
		this.byMerchantId = Map.copyOf(builder.byMerchantId);
		this.byPublicKeyId = Map.copyOf(builder.byPublicKeyId);
		this.certificateSerialsByName = Map.copyOf(builder.certificateSerialsByName);
		Map<String, Set<String>> claims = new HashMap<>();
		builder.certificateSerialsByName.forEach((name, serials) -> serials
			.forEach((serial) -> claims.computeIfAbsent(serial, (key) -> new TreeSet<>()).add(name)));
		Map<String, MerchantSlot> bySerial = new HashMap<>();
		Map<String, Set<String>> contestedSerials = new HashMap<>();
		claims.forEach((serial, names) -> {
			if (names.size() == 1) {
				bySerial.put(serial, builder.byName.get(names.iterator().next()));
			}
			else {
				contestedSerials.put(serial, Collections.unmodifiableSet(names));
			}
		});
		this.byCertificateSerial = Map.copyOf(bySerial);
		this.contested = Map.copyOf(contestedSerials);
		this.names = List.copyOf(new TreeSet<>(builder.byName.keySet()));
	}

	@Nullable MerchantSlot slot(String name) {
		return this.byName.get(name);
	}

	@Nullable MerchantSlot byMerchantId(String merchantId) {
		return this.byMerchantId.get(merchantId);
	}

	@Nullable MerchantSlot byPublicKeyId(String publicKeyId) {
		return this.byPublicKeyId.get(publicKeyId);
	}

	/**
	 * The merchant a {@code Wechatpay-Serial} belongs to: the one with this WeChat Pay
	 * public key id, else the only one whose downloaded platform certificates include
	 * this serial.
	 * @param serial the serial
	 * @return the merchant, or {@code null}
	 */
	@Nullable MerchantSlot owner(String serial) {
		MerchantSlot owner = this.byPublicKeyId.get(serial);
		return (owner != null) ? owner : this.byCertificateSerial.get(serial);
	}

	/**
	 * Whether more than one merchant has a platform certificate with this serial.
	 * @param serial the serial
	 * @return {@code true} if it is claimed twice
	 */
	boolean isContested(String serial) {
		return this.contested.containsKey(serial);
	}

	/**
	 * The contested serials and the merchants that claim each.
	 * @return names by serial
	 */
	Map<String, Set<String>> contested() {
		return this.contested;
	}

	/**
	 * The entry names, sorted.
	 * @return the names
	 */
	List<String> names() {
		return this.names;
	}

	/**
	 * The merchants, sorted by name.
	 * @return the merchants
	 */
	List<MerchantSlot> slots() {
		List<MerchantSlot> slots = new ArrayList<>(this.names.size());
		this.names.forEach((name) -> slots.add(this.byName.get(name)));
		return slots;
	}

	/**
	 * A builder that starts from this state; this state does not change.
	 * @return the builder
	 */
	Builder edit() {
		return new Builder(this.byName, this.byMerchantId, this.byPublicKeyId, this.certificateSerialsByName);
	}

	static String sameMerchantId(String other, MerchantDefinition definition) {
		return "Merchants '" + other + "' and '" + definition.name() + "' have the same merchant id "
				+ definition.merchantId()
				+ "; each merchant id may be configured once (a service provider is one entry)";
	}

	static String samePublicKeyId(String other, MerchantDefinition definition) {
		return "Merchants '" + other + "' and '" + definition.name() + "' have the same WeChat Pay public key id "
				+ definition.wechatpayPublicKeyId() + "; each merchant has its own WeChat Pay public key";
	}

	/** Changes to a copy of a state; {@link #build()} makes the next state. */
	static final class Builder {

		private final Map<String, MerchantSlot> byName;

		private final Map<String, MerchantSlot> byMerchantId;

		private final Map<String, MerchantSlot> byPublicKeyId;

		private final Map<String, Set<String>> certificateSerialsByName;

		private Builder(Map<String, MerchantSlot> byName, Map<String, MerchantSlot> byMerchantId,
				Map<String, MerchantSlot> byPublicKeyId, Map<String, Set<String>> certificateSerialsByName) {
			this.byName = new HashMap<>(byName);
			this.byMerchantId = new HashMap<>(byMerchantId);
			this.byPublicKeyId = new HashMap<>(byPublicKeyId);
			this.certificateSerialsByName = new HashMap<>(certificateSerialsByName);
		}

		/**
		 * Adds a merchant, or replaces the one with its name (whose certificate serials
		 * are dropped: the new merchant has downloaded none yet).
		 * @param slot the merchant
		 * @return the merchant it replaced, or {@code null}
		 * @throws IllegalArgumentException when another merchant has its merchant id or
		 * its WeChat Pay public key id; nothing is changed then
		 */
		@Nullable MerchantSlot put(MerchantSlot slot) {
			MerchantDefinition definition = slot.definition();
			String name = definition.name();
			MerchantSlot withId = this.byMerchantId.get(definition.merchantId());
			if (withId != null && !withId.name().equals(name)) {
				throw new IllegalArgumentException(sameMerchantId(withId.name(), definition));
			}
			String publicKeyId = definition.wechatpayPublicKeyId();
			MerchantSlot withKey = (publicKeyId != null) ? this.byPublicKeyId.get(publicKeyId) : null;
			if (withKey != null && !withKey.name().equals(name)) {
				throw new IllegalArgumentException(samePublicKeyId(withKey.name(), definition));
			}
			MerchantSlot previous = remove(name);
			this.byName.put(name, slot);
			this.byMerchantId.put(definition.merchantId(), slot);
			if (publicKeyId != null) {
				this.byPublicKeyId.put(publicKeyId, slot);
			}
			return previous;
		}

		/**
		 * Removes a merchant and everything indexed to it.
		 * @param name the entry name
		 * @return the merchant, or {@code null}
		 */
		@Nullable MerchantSlot remove(String name) {
			MerchantSlot removed = this.byName.remove(name);
			if (removed == null) {
				return null;
			}
			MerchantDefinition definition = removed.definition();
			this.byMerchantId.remove(definition.merchantId(), removed);
			if (definition.wechatpayPublicKeyId() != null) {
				this.byPublicKeyId.remove(definition.wechatpayPublicKeyId(), removed);
			}
			this.certificateSerialsByName.remove(name);
			return removed;
		}

		/**
		 * Sets the platform certificate serials a merchant has downloaded.
		 * @param name the entry name, of a merchant in this state
		 * @param serials the serials
		 * @return this builder
		 */
		Builder certificateSerials(String name, Set<String> serials) {
			if (serials.isEmpty()) {
				this.certificateSerialsByName.remove(name);
			}
			else {
				this.certificateSerialsByName.put(name, Set.copyOf(serials));
			}
			return this;
		}

		/**
		 * The current merchants of this builder.
		 * @return the merchants
		 */
		Collection<MerchantSlot> slots() {
			return this.byName.values();
		}

		MerchantIndex build() {
			return new MerchantIndex(this);
		}

	}

}
