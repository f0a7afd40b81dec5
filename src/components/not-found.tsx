import { Link } from 'react-router';

/** What an address that leads nowhere shows: a page of its own, or a guide that does not exist. */
export function NotFound() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p>There is nothing at this address. The link may be cut short or out of date.</p>
      <Link className="text-blue-700 underline dark:text-sky-300" to="/">
        Back to the start
      </Link>
    </div>
  );
}
