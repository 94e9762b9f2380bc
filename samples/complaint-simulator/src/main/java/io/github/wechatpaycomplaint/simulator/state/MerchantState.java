package io.github.wechatpaycomplaint.simulator.state;

/**
 * What WeChat Pay keeps for one merchant: its complaints, its images and its notification
 * URL. Merchants never see each other's.
 *
 * @param complaints the complaints
 * @param images the complaint images and the merchant's uploads
 * @param notificationUrl the registered notification URL
 * @since 0.1.0
 */
public record MerchantState(ComplaintStore complaints, ImageStore images, NotificationUrlRegistry notificationUrl) {

}
