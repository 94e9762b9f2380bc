package io.github.wechatpaycomplaint.api;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.github.wechatpaycomplaint.client.WechatPayAnswerTooLargeException;
import io.github.wechatpaycomplaint.client.WechatPayApiException;
import io.github.wechatpaycomplaint.model.ComplaintPage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Walks the pages of a list call lazily: the next page is fetched only when the items of
 * the previous one have been consumed, and no page is fetched once a page comes back
 * short or the offset reaches {@code total_count}. When WeChat Pay refuses a page because
 * its answer would be too large ("当前查询结果数据量过大", its documented advice being a smaller
 * {@code limit}), or its answer runs past the starter's cap
 * ({@link WechatPayAnswerTooLargeException}), the same page is asked for again with half
 * the page size, down to one item, and the smaller size is kept for the pages that
 * follow.
 *
 * @param <T> the item type
 */
final class PageIterator<T> implements Iterator<T> {

	private static final Log logger = LogFactory.getLog(PageIterator.class);

	private final PageFetcher<T> fetcher;

	private int pageSize;

	private int offset;

	private @Nullable Integer totalCount;

	private boolean lastPageFetched;

	private Iterator<T> current = List.<T>of().iterator();

	PageIterator(PageFetcher<T> fetcher, int pageSize) {
		this.fetcher = fetcher;
		this.pageSize = pageSize;
	}

	/**
	 * A lazy stream of every item.
	 * @param <T> the item type
	 * @param fetcher fetches one page
	 * @param pageSize the page size to ask for
	 * @return the stream; nothing is fetched before it is consumed
	 */
	static <T> Stream<T> stream(PageFetcher<T> fetcher, int pageSize) {
		return StreamSupport.stream(() -> Spliterators.spliteratorUnknownSize(new PageIterator<>(fetcher, pageSize),
				Spliterator.ORDERED | Spliterator.NONNULL), Spliterator.ORDERED | Spliterator.NONNULL, false);
	}

	@Override
	public boolean hasNext() {
		while (!this.current.hasNext() && !this.lastPageFetched) {
			fetchNextPage();
		}
		return this.current.hasNext();
	}

	@Override
	public T next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		return this.current.next();
	}

	private void fetchNextPage() {
		ComplaintPage<T> page = fetchShrinkingWhenTooLarge();
		if (page.totalCount() != null) {
			this.totalCount = page.totalCount();
		}
		List<T> items = page.data();
		// WeChat Pay may apply a smaller limit than asked for; a page is short against
		// the limit it applied.
		int applied = (page.limit() != null && page.limit() > 0) ? Math.min(page.limit(), this.pageSize)
				: this.pageSize;
		this.offset += items.size();
		this.lastPageFetched = items.size() < applied || (this.totalCount != null && this.offset >= this.totalCount);
		this.current = items.iterator();
	}

	private ComplaintPage<T> fetchShrinkingWhenTooLarge() {
		while (true) {
			try {
				return this.fetcher.fetch(this.offset, this.pageSize);
			}
			catch (WechatPayApiException ex) {
				if (this.pageSize == 1 || !isAnswerTooLarge(ex)) {
					throw ex;
				}
				shrink("WeChat Pay found a page of " + this.pageSize + " too large to answer (Request-ID: "
						+ ex.getRequestId() + ")");
			}
			catch (WechatPayAnswerTooLargeException ex) {
				if (this.pageSize == 1) {
					throw ex;
				}
				shrink("A page of " + this.pageSize + " was larger than the starter reads");
			}
		}
	}

	private void shrink(String reason) {
		int smaller = this.pageSize / 2;
		logger.info(reason + "; asking for " + smaller + " per page from offset " + this.offset);
		this.pageSize = smaller;
	}

	/**
	 * Whether WeChat Pay refused a query because its answer would be too large.
	 * @param ex the error answer
	 * @return {@code true} for a 4xx whose message says the result is too large
	 */
	static boolean isAnswerTooLarge(WechatPayApiException ex) {
		String message = ex.getErrorMessage();
		if (ex.getStatusCode() < 400 || ex.getStatusCode() >= 500 || message == null) {
			return false;
		}
		return message.contains("数据量过大") || message.toLowerCase(Locale.ROOT).contains("too large");
	}

	/**
	 * Fetches one page.
	 *
	 * @param <T> the item type
	 */
	@FunctionalInterface
	interface PageFetcher<T> {

		ComplaintPage<T> fetch(int offset, int limit);

	}

}
