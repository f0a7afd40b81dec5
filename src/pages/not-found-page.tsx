import { Link } from 'react-router';

export function NotFoundPage() {
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
