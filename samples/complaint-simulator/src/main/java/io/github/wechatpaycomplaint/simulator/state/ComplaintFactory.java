package io.github.wechatpaycomplaint.simulator.state;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * Makes up plausible complaints from a seeded {@link Random}, so that a seed gives the
 * same complaints every run.
 *
 * @since 0.1.0
 */
final class ComplaintFactory {

	static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

	private static final List<String[]> PROBLEMS = List.of(
			new String[] { "REFUND", "重复扣款", "Charged twice for one order, please refund" },
			new String[] { "REFUND", "已归还仍扣费", "Power bank returned but still charged" },
			new String[] { "SERVICE_NOT_WORK", "商品未发货", "Paid three days ago and the goods never shipped" },
			new String[] { "SERVICE_NOT_WORK", "服务无法使用", "The membership I paid for does not work" },
			new String[] { "OTHERS", "其他问题", "The shop assistant was rude at the counter" });

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

	private final Random random;

	private final Clock clock;

	private final String merchantId;

	private final ImageStore images;

	private final LongSupplier sequence;

	ComplaintFactory(Random random, Clock clock, String merchantId, ImageStore images, LongSupplier sequence) {
		this.random = random;
		this.clock = clock;
		this.merchantId = merchantId;
		this.images = images;
		this.sequence = sequence;
	}

	synchronized Complaint create(NewComplaint request) {
		OffsetDateTime now = OffsetDateTime.now(this.clock)
			.withOffsetSameInstant(CHINA)
			.truncatedTo(ChronoUnit.SECONDS);
		String[] problem = PROBLEMS.get(this.random.nextInt(PROBLEMS.size()));
		String problemType = (request.problemType() != null) ? request.problemType() : problem[0];
		String detail = (request.detail() != null) ? request.detail() : problem[2];
		int amount = (request.amount() != null) ? request.amount() : 100 * (1 + this.random.nextInt(300));
		long number = this.sequence.getAsLong();
		String id = "2000000" + now.format(DAY)
				+ String.format(Locale.ROOT, "%04d%08d", this.random.nextInt(10000), number);
		String image = this.images.store("image/png", SampleImages.png(this.random), id).mediaId();
		return new Complaint(id, now, detail, this.merchantId, "1" + (30 + this.random.nextInt(60)) + digits(8),
				"oSIM" + digits(24), "42000" + now.format(DAY) + digits(15),
				"ORD" + now.format(DAY) + String.format(Locale.ROOT, "%06d", number), amount, problemType, problem[1],
				Boolean.TRUE.equals(request.needImmediateService()), List.of(image));
	}

	private String digits(int count) {
		StringBuilder text = new StringBuilder(count);
		for (int i = 0; i < count; i++) {
			text.append(this.random.nextInt(10));
		}
		return text.toString();
	}

}
