package io.github.wechatpaycomplaint.multimerchant;

import io.github.wechatpaycomplaint.WechatPayException;

/**
 * No merchant is configured under the name asked for.
 *
 * @since 0.1.0
 */
public class UnknownMerchantException extends WechatPayException {

	private final String name;

	public UnknownMerchantException(String name) {
		super("No WeChat Pay merchant is configured under the name '" + name + "'");
		this.name = name;
	}

	/**
	 * The name asked for.
	 * @return the name
	 */
	public String getName() {
		return this.name;
	}

}
