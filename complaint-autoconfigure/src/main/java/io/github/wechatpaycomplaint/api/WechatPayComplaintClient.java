package io.github.wechatpaycomplaint.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.github.wechatpaycomplaint.client.WechatPayEndpoint;
import io.github.wechatpaycomplaint.merchant.WechatPayMerchant;
import io.github.wechatpaycomplaint.model.Complaint;
import io.github.wechatpaycomplaint.model.ComplaintImage;
import io.github.wechatpaycomplaint.model.ComplaintPage;
import io.github.wechatpaycomplaint.model.MchLanguage;
import io.github.wechatpaycomplaint.model.NegotiationHistoryEntry;
import io.github.wechatpaycomplaint.model.NotificationUrl;
import io.github.wechatpaycomplaint.model.UploadedImage;
import io.github.wechatpaycomplaint.model.request.ComplaintCompletion;
import io.github.wechatpaycomplaint.model.request.ComplaintListQuery;
import io.github.wechatpaycomplaint.model.request.ComplaintReply;
import io.github.wechatpaycomplaint.model.request.ImageUpload;
import io.github.wechatpaycomplaint.model.request.ImmediateServiceReply;
import io.github.wechatpaycomplaint.model.request.NegotiationHistoryQuery;
import io.github.wechatpaycomplaint.model.request.NotificationUrlRequest;
import io.github.wechatpaycomplaint.model.request.RefundDecision;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.client.RestClient;

/**
 * Every call of the WeChat Pay consumer-complaint API (消费者投诉 2.0), typed, on the mainland
 * or the Hong Kong endpoint.
 *
 * <p>
 * Requests are checked against WeChat Pay's documented rules before any call is spent
 * ({@link io.github.wechatpaycomplaint.model.request.InvalidComplaintRequestException});
 * calls WeChat Pay does not offer in Hong Kong fail with
 * {@link UnsupportedComplaintOperationException}; {@code payer_phone} comes back
 * decrypted and masked in {@code toString()}. Error answers raise
 * {@link io.github.wechatpaycomplaint.client.WechatPayApiException}.
 *
 * @since 0.1.0
 */
public class WechatPayComplaintClient {

	private static final Log logger = LogFactory.getLog(WechatPayComplaintClient.class);

	private final ComplaintCalls calls;

	private final ComplaintQueries queries;

	private final ComplaintActions actions;

	private final NotificationUrls notificationUrls;

	private final ComplaintImages images;

	private final ComplaintStreams streams;

	private final ComplaintActivityListener activity;

	/**
	 * Creates the client.
	 * @param restClient a signing and verifying client, e.g. the
	 * {@code @WechatPayComplaintRestClient} bean
	 * @param merchant the merchant, whose private key decrypts {@code payer_phone}
	 * @param endpoint the endpoint, which picks mainland or Hong Kong paths
	 * @param baseUri the host requests go to; image downloads are sent there too
	 * @param jsonMapper writes the image upload's {@code meta} JSON
	 */
	public WechatPayComplaintClient(RestClient restClient, WechatPayMerchant merchant, WechatPayEndpoint endpoint,
			URI baseUri, JsonMapper jsonMapper) {
		this(restClient, merchant, endpoint, baseUri, jsonMapper, ComplaintActivityListener.NONE);
	}

	/**
	 * Creates the client that tells a listener about detail reads, replies and
	 * completions.
	 * @param restClient a signing and verifying client, e.g. the
	 * {@code @WechatPayComplaintRestClient} bean
	 * @param merchant the merchant, whose private key decrypts {@code payer_phone}
	 * @param endpoint the endpoint, which picks mainland or Hong Kong paths
	 * @param baseUri the host requests go to; image downloads are sent there too
	 * @param jsonMapper writes the image upload's {@code meta} JSON
	 * @param activity told about each successful detail read, reply and completion
	 */
	public WechatPayComplaintClient(RestClient restClient, WechatPayMerchant merchant, WechatPayEndpoint endpoint,
			URI baseUri, JsonMapper jsonMapper, ComplaintActivityListener activity) {
		Objects.requireNonNull(restClient, "restClient");
		this.activity = Objects.requireNonNull(activity, "activity");
		this.calls = new ComplaintCalls(restClient, endpoint);
		this.queries = new ComplaintQueries(this.calls, new PayerPhoneDecryptor(merchant));
		this.actions = new ComplaintActions(this.calls);
		this.notificationUrls = new NotificationUrls(this.calls);
		this.images = new ComplaintImages(this.calls, new MediaUrls(baseUri, endpoint.isGlobal()), jsonMapper);
		this.streams = new ComplaintStreams(this.queries);
	}

	/**
	 * Lists one page of complaints ({@code GET complaints-v2}).
	 * @param query the dates (at most 30 days, both included), page and filters
	 * @return the page
	 */
	public ComplaintPage<Complaint> listComplaints(ComplaintListQuery query) {
		return this.queries.list(Objects.requireNonNull(query, "query"));
	}

	/**
	 * Streams every complaint filed between two dates, however far apart: lazily, in
	 * windows of 30 days and pages of 50, fetching no page more than needed.
	 * @param beginDate first day
	 * @param endDate last day
	 * @return the complaints, oldest window first
	 */
	public Stream<Complaint> streamComplaints(LocalDate beginDate, LocalDate endDate) {
		return streamComplaints(beginDate, endDate, UnaryOperator.identity());
	}

	/**
	 * Streams every complaint filed between two dates, with filters, e.g.
	 * {@code (query) -> query.complaintedMchid("1900012181")}.
	 * @param beginDate first day
	 * @param endDate last day
	 * @param filter adds {@code complainted_mchid} or {@code mch_language} to each call's
	 * query
	 * @return the complaints, oldest window first
	 */
	public Stream<Complaint> streamComplaints(LocalDate beginDate, LocalDate endDate,
			UnaryOperator<ComplaintListQuery> filter) {
		return this.streams.complaints(beginDate, endDate, Objects.requireNonNull(filter, "filter"));
	}

	/**
	 * Queries one complaint ({@code GET complaints-v2/{complaint_id}}).
	 * @param complaintId the complaint id
	 * @return the complaint, with {@code payer_phone} decrypted
	 */
	public Complaint getComplaint(String complaintId) {
		return read(this.queries.get(complaintId, null));
	}

	/**
	 * Queries one complaint, answered in a language (Hong Kong only).
	 * @param complaintId the complaint id
	 * @param language the language of {@code complaint_detail_trans}
	 * @return the complaint, with {@code payer_phone} decrypted
	 */
	public Complaint getComplaint(String complaintId, MchLanguage language) {
		return read(this.queries.get(complaintId, Objects.requireNonNull(language, "language")));
	}

	/**
	 * Lists one page of a complaint's negotiation history
	 * ({@code GET …/negotiation-historys}).
	 * @param complaintId the complaint id
	 * @param query the page (limit 1 to 300)
	 * @return the page
	 */
	public ComplaintPage<NegotiationHistoryEntry> listNegotiationHistory(String complaintId,
			NegotiationHistoryQuery query) {
		return this.queries.negotiationHistory(complaintId, Objects.requireNonNull(query, "query"));
	}

	/**
	 * Streams a complaint's whole negotiation history, lazily, in pages of 300.
	 * @param complaintId the complaint id
	 * @return the records, oldest first
	 */
	public Stream<NegotiationHistoryEntry> streamNegotiationHistory(String complaintId) {
		return this.streams.negotiationHistory(complaintId, null);
	}

	/**
	 * Streams a complaint's whole negotiation history in a language (Hong Kong only).
	 * @param complaintId the complaint id
	 * @param language the language
	 * @return the records, oldest first
	 */
	public Stream<NegotiationHistoryEntry> streamNegotiationHistory(String complaintId, MchLanguage language) {
		this.calls.checkLanguage(Objects.requireNonNull(language, "language"));
		return this.streams.negotiationHistory(complaintId, language);
	}

	/**
	 * Registers the complaint notification URL ({@code POST complaint-notifications}).
	 * @param url a public HTTPS URL without query string, at most 255 characters
	 * @return the registration
	 */
	public NotificationUrl createNotificationUrl(String url) {
		return this.notificationUrls.create(new NotificationUrlRequest(url));
	}

	/**
	 * Queries the complaint notification URL ({@code GET complaint-notifications}).
	 * @return the registration, or empty when WeChat Pay answers
	 * {@code RESOURCE_NOT_EXISTS}
	 */
	public Optional<NotificationUrl> findNotificationUrl() {
		return this.notificationUrls.find();
	}

	/**
	 * Changes the complaint notification URL ({@code PUT complaint-notifications}).
	 * @param url a public HTTPS URL without query string, at most 255 characters
	 * @return the registration
	 */
	public NotificationUrl updateNotificationUrl(String url) {
		return this.notificationUrls.update(new NotificationUrlRequest(url));
	}

	/**
	 * Removes the complaint notification URL ({@code DELETE complaint-notifications}).
	 */
	public void deleteNotificationUrl() {
		this.notificationUrls.delete();
	}

	/**
	 * Replies to the user ({@code POST …/{complaint_id}/response}); the first reply moves
	 * the complaint to {@code PROCESSING}.
	 * @param complaintId the complaint id
	 * @param reply the reply; {@code mini_program_jump_info} is mainland only
	 */
	public void reply(String complaintId, ComplaintReply reply) {
		this.actions.reply(complaintId, reply);
		tell(() -> this.activity.replied(complaintId));
	}

	/**
	 * Replies to a complaint that needs immediate service
	 * ({@code POST …/response-immediate-service}, mainland only).
	 * @param complaintId the complaint id
	 * @param reply the rich message and its idempotent id
	 * @return the {@code log_id} of the created negotiation record
	 */
	public String replyImmediateService(String complaintId, ImmediateServiceReply reply) {
		String logId = this.actions.replyImmediateService(complaintId, reply);
		tell(() -> this.activity.replied(complaintId));
		return logId;
	}

	/**
	 * Reports a complaint as handled ({@code POST …/complete}); WeChat Pay then asks the
	 * user for a rating.
	 * @param complaintId the complaint id
	 * @param complaintedMchid the merchant complained about
	 */
	public void complete(String complaintId, String complaintedMchid) {
		this.actions.complete(complaintId, new ComplaintCompletion(complaintedMchid));
		tell(() -> this.activity.completed(complaintId));
	}

	/**
	 * Approves or rejects a user's refund request ({@code POST …/update-refund-progress},
	 * mainland only).
	 * @param complaintId the complaint id
	 * @param decision the decision
	 */
	public void updateRefundProgress(String complaintId, RefundDecision decision) {
		this.actions.updateRefundProgress(complaintId, decision);
	}

	/**
	 * Uploads a feedback image ({@code POST images/upload}) for replies and refund
	 * rejections.
	 * @param image a checked JPEG, PNG or BMP of at most 2 MB
	 * @return the {@code media_id}
	 */
	public UploadedImage uploadImage(ImageUpload image) {
		return this.images.upload(image);
	}

	/**
	 * Downloads a complaint image from a {@code media_url} found in a complaint or its
	 * history, signed over the URL's raw path as given and sent to the configured host.
	 * @param mediaUrl the URL exactly as WeChat Pay sent it
	 * @return the image bytes and content type
	 */
	public ComplaintImage downloadImage(String mediaUrl) {
		return this.images.download(mediaUrl, null);
	}

	/**
	 * Downloads a complaint image; on the Hong Kong endpoint {@code complaint_id} is
	 * added to the query when the URL lacks it (WeChat Pay requires it there), on the
	 * mainland the id is not sent.
	 * @param mediaUrl the URL exactly as WeChat Pay sent it
	 * @param complaintId the complaint the image belongs to
	 * @return the image bytes and content type
	 */
	public ComplaintImage downloadImage(String mediaUrl, @Nullable String complaintId) {
		return this.images.download(mediaUrl, complaintId);
	}

	private Complaint read(Complaint complaint) {
		tell(() -> this.activity.complaintRead(complaint));
		return complaint;
	}

	// The call succeeded: a listener's failure must not make the caller think it did
	// not.
	private void tell(Runnable notice) {
		try {
			notice.run();
		}
		catch (RuntimeException ex) {
			logger.warn("A complaint activity listener failed (" + ex.getClass().getSimpleName() + ")", ex);
		}
	}

}
