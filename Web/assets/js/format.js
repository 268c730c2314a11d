// Dates in the viewer's own time zone and locale; prices in the configured currency.

const dateTime = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });

export function when(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dateTime.format(date);
}

export function money(amount, currency) {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);
  } catch {
    return `${Number(amount).toFixed(2)} ${currency}`;
  }
}

export function seatsLeft(show) {
  if (show.seatsAvailable <= 0) return { text: 'Sold out', tone: 'none' };
  if (show.seatsAvailable <= Math.max(5, show.capacity / 10)) return { text: `Only ${show.seatsAvailable} left`, tone: 'low' };
  return { text: `${show.seatsAvailable} seats left`, tone: '' };
}

/** A value for <input type="datetime-local"> in the viewer's zone. */
export function localInputValue(iso) {
  const date = new Date(iso);
  const pad = n => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** ISO 8601 with the viewer's offset, from a datetime-local value. */
export function fromLocalInput(value) {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
