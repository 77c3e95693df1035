/** Thrown by the repository when D1 cannot be reached: the page says to try again (503). */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
}
