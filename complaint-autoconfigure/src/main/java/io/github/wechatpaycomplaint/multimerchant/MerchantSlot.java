package io.github.wechatpaycomplaint.multimerchant;

import java.util.Set;
import java.util.function.Consumer;

import io.github.wechatpaycomplaint.certificate.PlatformCertificateManager;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * One merchant in the registry: its definition and, once first used, its components or
 * the failure that building them ended in. Both are kept, so a broken key is parsed once
 * and reported on every use without touching the other merchants. In certificate mode it
 * tells the registry when its platform certificate serials change, so that they are
 * indexed.
 */
final class MerchantSlot {

	private static final Log logger = LogFactory.getLog(MerchantSlot.class);

	private final MerchantDefinition definition;

	private final MerchantComponentsFactory factory;

	private final Consumer<MerchantSlot> onCertificatesChanged;

	private final Runnable certificatesListener = this::certificatesChanged;

	private volatile @Nullable MerchantComponents components;

	private volatile @Nullable RuntimeException failure;

	private boolean closed;

	/**
	 * Creates a merchant that is built on its first use.
	 * @param definition its definition
	 * @param factory builds it
	 * @param onCertificatesChanged told, outside any lock of this slot, when the serials
	 * of its platform certificates may have changed
	 */
	MerchantSlot(MerchantDefinition definition, MerchantComponentsFactory factory,
			Consumer<MerchantSlot> onCertificatesChanged) {
		this.definition = definition;
		this.factory = factory;
		this.onCertificatesChanged = onCertificatesChanged;
	}

	MerchantDefinition definition() {
		return this.definition;
	}

	String name() {
		return this.definition.name();
	}

	MerchantComponents components() {
		MerchantComponents built = this.components;
		if (built != null) {
			return built;
		}
		boolean builtNow = false;
		synchronized (this) {
			if (this.components == null && this.failure == null) {
				builtNow = build();
			}
			if (this.failure != null) {
				throw this.failure;
			}
			built = this.components;
		}
		if (builtNow) {
			// Outside the lock: the registry takes its own lock to index the serials, and
			// holds it while it closes a replaced slot.
			watchCertificates(built);
		}
		return built;
	}

	private boolean build() {
		try {
			MerchantComponents built = this.factory.create(this.definition);
			if (this.closed) {
				// Removed while it was being built: nobody will release it later.
				release(built);
			}
			this.components = built;
			return true;
		}
		catch (RuntimeException ex) {
			this.failure = new MerchantUnavailableException(this.definition.name(), ex);
			logger.warn(this.failure.getMessage());
			return false;
		}
	}

	private void watchCertificates(MerchantComponents built) {
		PlatformCertificateManager certificates = built.verificationKeys().getPlatformCertificates();
		if (certificates == null) {
			return;
		}
		certificates.addCertificatesListener(this.certificatesListener);
		synchronized (this) {
			if (this.closed) {
				certificates.removeCertificatesListener(this.certificatesListener);
				return;
			}
		}
		certificatesChanged();
	}

	private void certificatesChanged() {
		this.onCertificatesChanged.accept(this);
	}

	/**
	 * The serials of the platform certificates this merchant has downloaded.
	 * @return the serials; empty when it is not built or not in certificate mode
	 */
	Set<String> certificateSerials() {
		PlatformCertificateManager certificates = builtCertificates();
		return (certificates != null) ? certificates.getCertificates().keySet() : Set.of();
	}

	/**
	 * The platform certificates of this merchant, if it is built and in certificate mode.
	 * @return the manager, or {@code null}
	 */
	@Nullable PlatformCertificateManager builtCertificates() {
		MerchantComponents built = this.components;
		return (built != null) ? built.verificationKeys().getPlatformCertificates() : null;
	}

	/**
	 * The components if they are built, without building them.
	 * @return the components, or {@code null}
	 */
	@Nullable MerchantComponents builtComponents() {
		return this.components;
	}

	/**
	 * Why the merchant cannot be used.
	 * @return the failure, or {@code null} when it works or was not used yet
	 */
	@Nullable RuntimeException failure() {
		return this.failure;
	}

	/**
	 * Releases the components' resources. Calls in flight finish on the objects they
	 * hold: a released certificate manager only stops refreshing.
	 */
	void close() {
		MerchantComponents built;
		synchronized (this) {
			this.closed = true;
			built = this.components;
		}
		if (built != null) {
			PlatformCertificateManager certificates = builtCertificates();
			if (certificates != null) {
				certificates.removeCertificatesListener(this.certificatesListener);
			}
			release(built);
		}
	}

	private void release(MerchantComponents built) {
		AutoCloseable resources = built.resources();
		if (resources == null) {
			return;
		}
		try {
			resources.close();
		}
		catch (Exception ex) {
			logger.warn("Releasing the resources of WeChat Pay merchant '" + this.definition.name() + "' failed", ex);
		}
	}

}
