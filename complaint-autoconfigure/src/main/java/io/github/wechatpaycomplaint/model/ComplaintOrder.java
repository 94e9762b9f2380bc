package io.github.wechatpaycomplaint.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An order a complaint is about ({@code complaint_order_info[]}): mainland answers carry
 * {@code amount}; Hong Kong answers carry the settlement and payer amounts and currencies
 * instead.
 *
 * @param transactionId WeChat Pay transaction id
 * @param outTradeNo merchant order number
 * @param amount order amount in fen (mainland)
 * @param settlementAmount settlement amount in the currency's smallest unit (Hong Kong)
 * @param settlementRefundedAmount settled amount already refunded (Hong Kong; documented
 * as a string, read as a number)
 * @param settlementCurrency settlement currency, e.g. {@code HKD} (Hong Kong)
 * @param payerAmount amount the payer paid (Hong Kong)
 * @param payerRefundedAmount amount refunded to the payer (Hong Kong)
 * @param payerCurrency payer currency, e.g. {@code CNY} (Hong Kong)
 * @param tradeTime trade time as WeChat Pay writes it (Hong Kong; format not documented)
 * @since 0.1.0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplaintOrder(String transactionId, String outTradeNo, @Nullable Long amount,
		@Nullable Long settlementAmount, @Nullable Long settlementRefundedAmount, @Nullable String settlementCurrency,
		@Nullable Long payerAmount, @Nullable Long payerRefundedAmount, @Nullable String payerCurrency,
		@Nullable String tradeTime) {

}
