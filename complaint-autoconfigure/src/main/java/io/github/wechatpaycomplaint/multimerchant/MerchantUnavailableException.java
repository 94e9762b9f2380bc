package io.github.wechatpaycomplaint.multimerchant;

import io.github.wechatpaycomplaint.WechatPayException;

/**
 * A merchant whose client cannot be built, typically because its key does not parse. Only
 * that merchant fails; the message names the entry and the property, never a key.
 *
 * @since 0.1.0
 */
public class MerchantUnavailableException extends WechatPayException {

	private final String name;

	public MerchantUnavailableException(String name, Throwable cause) {
		super("WeChat Pay merchant '" + name + "' cannot be used: " + cause.getMessage(), cause);
		this.name = name;
	}

	/**
	 * The entry name of the merchant.
	 * @return the name
	 */
	public String getName() {
		return this.name;
	}

}
