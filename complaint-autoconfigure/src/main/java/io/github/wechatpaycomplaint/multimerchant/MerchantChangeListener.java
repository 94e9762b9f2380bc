package io.github.wechatpaycomplaint.multimerchant;

/**
 * Told when the {@link WechatPayMerchants} registry gains, replaces or loses a merchant
 * while the application runs (through {@link WechatPayMerchants#put},
 * {@link WechatPayMerchants#remove} or {@link WechatPayMerchants#refresh}); the merchants
 * read at startup are not reported. Called on the thread that changed the registry, after
 * the change is visible, so a listener must hand slow work (say, an HTTP call) to another
 * thread. A listener's exception is logged and changes nothing.
 *
 * @since 0.1.0
 */
public interface MerchantChangeListener {

	/**
	 * A merchant was added.
	 * @param merchant its definition
	 */
	default void merchantAdded(MerchantDefinition merchant) {
	}

	/**
	 * A merchant was replaced, e.g. to rotate its key.
	 * @param previous the definition it had
	 * @param current the definition it has now
	 */
	default void merchantReplaced(MerchantDefinition previous, MerchantDefinition current) {
	}

	/**
	 * A merchant was removed.
	 * @param merchant the definition it had
	 */
	default void merchantRemoved(MerchantDefinition merchant) {
	}

}
