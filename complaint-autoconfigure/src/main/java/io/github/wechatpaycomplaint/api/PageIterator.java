package io.github.wechatpaycomplaint.api;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.github.wechatpaycomplaint.model.ComplaintPage;
import org.jspecify.annotations.Nullable;

/**
 * Walks the pages of a list call lazily: the next page is fetched only when the items of the previous one have been
 * consumed, and no page is fetched once a page comes back short or the offset reaches {@code total_count}.
 *
 * @param <T> the item type
 */
final class PageIterator<T> implements Iterator<T> {

	private final PageFetcher<T> fetcher;

	private final int pageSize;

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
		ComplaintPage<T> page = this.fetcher.fetch(this.offset, this.pageSize);
		if (page.totalCount() != null) {
			this.totalCount = page.totalCount();
		}
		List<T> items = page.data();
		// WeChat Pay may apply a smaller limit than asked for; a page is short against the limit it applied.
		int applied = (page.limit() != null && page.limit() > 0) ? Math.min(page.limit(), this.pageSize)
				: this.pageSize;
		this.offset += items.size();
		this.lastPageFetched = items.size() < applied || (this.totalCount != null && this.offset >= this.totalCount);
		this.current = items.iterator();
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
