package io.github.wechatpaycomplaint.multimerchant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * One merchant in the registry: its definition and, once first used, its components or
 * the failure that building them ended in. Both are kept, so a broken key is parsed once
 * and reported on every use without touching the other merchants.
 */
final class MerchantSlot {

	private static final Log logger = LogFactory.getLog(MerchantSlot.class);

	private final MerchantDefinition definition;

	private final MerchantComponentsFactory factory;

	private volatile @Nullable MerchantComponents components;

	private volatile @Nullable RuntimeException failure;

	private boolean closed;

	MerchantSlot(MerchantDefinition definition, MerchantComponentsFactory factory) {
		this.definition = definition;
		this.factory = factory;
	}

	MerchantDefinition definition() {
		return this.definition;
	}

	MerchantComponents components() {
		MerchantComponents built = this.components;
		if (built != null) {
			return built;
		}
		synchronized (this) {
			if (this.components == null && this.failure == null) {
				build();
			}
			if (this.failure != null) {
				throw this.failure;
			}
			return this.components;
		}
	}

	private void build() {
		try {
			MerchantComponents built = this.factory.create(this.definition);
			if (this.closed) {
				// Removed while it was being built: nobody will release it later.
				release(built);
			}
			this.components = built;
		}
		catch (RuntimeException ex) {
			this.failure = new MerchantUnavailableException(this.definition.name(), ex);
			logger.warn(this.failure.getMessage());
		}
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
