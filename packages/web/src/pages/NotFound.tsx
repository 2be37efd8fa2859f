/** Any path the dashboard does not know. */
import { Link, paths } from '../router.js';

export function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        <Link to={paths.overview()}>Back to the models</Link>
      </p>
    </>
  );
}
