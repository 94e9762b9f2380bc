package io.github.wechatpaycomplaint.multimerchant;

import java.util.Collection;

/**
 * Supplies merchants, e.g. from a platform's own database. The default source reads
 * {@code wechatpay.complaint.merchant.*} and {@code wechatpay.complaint.merchants.*}; an
 * application's own source beans are added to it. Names must not collide between sources.
 * Read at startup and on {@link WechatPayMerchants#refresh()}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface WechatPayMerchantSource {

	/**
	 * The merchants this source knows now.
	 * @return their definitions
	 */
	Collection<MerchantDefinition> merchants();

}
